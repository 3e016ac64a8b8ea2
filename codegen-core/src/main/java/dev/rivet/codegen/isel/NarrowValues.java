package dev.rivet.codegen.isel;

import dev.rivet.ir.Inst;
import dev.rivet.ir.Value;

/**
 * What both back ends know about the upper bits of narrow (i8, i16) values: registers are 32
 * bits wide and most operations leave garbage above a narrow value's width, so a value is
 * treated as zero-extended only where that is certain.
 */
public final class NarrowValues {
    private NarrowValues() {}

    /**
     * True when the register holding {@code v} is certainly zero above its type's width: loads
     * (which zero-extend), extensions, constants whose materialised value is non-negative in
     * their type, and an AND with such an operand. {@code andConstZeroExtends}: the back end
     * lowers an AND with a constant using the constant's zero-extended form, so any such AND
     * qualifies.
     */
    public static boolean knownZeroExtended(Value v, boolean andConstZeroExtends) {
        if (!(v instanceof Inst i)) return false;
        return switch (i.op) {
            case LOAD, ZEXT -> true;
            case CONST -> i.imm == i.type.wrap(i.imm); // constants are materialised from imm as it stands
            case AND -> (andConstZeroExtends && (IselContext.isConst(i.arg(0)) || IselContext.isConst(i.arg(1))))
                    || knownZeroExtended(i.arg(0), andConstZeroExtends) || knownZeroExtended(i.arg(1), andConstZeroExtends);
            default -> false;
        };
    }
}
