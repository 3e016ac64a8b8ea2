package dev.rivet.codegen.isel;

import dev.rivet.ir.Inst;
import dev.rivet.ir.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of a {@code switch} as a jump table: the lowest case, how many values the table
 * spans, and per value from the lowest up the block it goes to (holes go to the default).
 * The back ends decide from the {@link Shape} whether a table beats a compare chain, and how
 * to read it: index = value - min, one unsigned bounds check, then the table.
 *
 * <p>The IR stores case values wrapped to the switched type (unsigned). Cases around zero in
 * a signed type (-4..3) are dense only read as signed, so the shape takes whichever reading
 * spans less; with {@link Shape#signed} the back end compares the sign-extended value.
 */
public record CaseTable(long min, int span, List<Integer> blocks, int fallback) {

    /** The lowest case, the span from it to the highest, the number of cases, and which reading of the values gives them. */
    public record Shape(long min, long span, int cases, boolean signed) {}

    public static Shape shape(Inst sw) {
        Type t = sw.arg(0).type();
        Shape unsigned = shape(sw, false);
        if (t.bits() == 64) return unsigned;
        Shape signed = shape(sw, true);
        return signed.span() < unsigned.span() ? signed : unsigned;
    }

    private static Shape shape(Inst sw, boolean signed) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long c : sw.cases) {
            long v = value(sw, c, signed);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Shape(min, max - min + 1, sw.cases.length, signed);
    }

    private static long value(Inst sw, long c, boolean signed) {
        return signed ? sw.arg(0).type().signed(c) : c;
    }

    /** Builds the table: creates the branch target (and any edge block) of the default and of every case, in that order. */
    public static CaseTable build(IselContext ctx, Inst sw, Shape shape) {
        int fallback = ctx.target(sw.targets.getFirst(), false);
        List<Integer> blocks = new ArrayList<>(Collections.nCopies((int) shape.span(), fallback));
        for (int k = 0; k < sw.cases.length; k++)
            blocks.set((int) (value(sw, sw.cases[k], shape.signed()) - shape.min()), ctx.target(sw.targets.get(k + 1), false));
        return new CaseTable(shape.min(), (int) shape.span(), List.copyOf(blocks), fallback);
    }
}
