package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Expr;
import java.util.List;

/**
 * A checked format string: literal text and placeholders whose arguments are resolved to
 * indices into {@link #args} (explicit positional and named arguments, then captured
 * variables). Lowering turns it into calls to the runtime's formatting routines.
 */
public record FormatPlan(List<Part> parts, List<Expr> args) {
    public sealed interface Part {
        record Text(String text) implements Part {}

        /**
         * A placeholder: argument index, the spec, and the indices of the arguments supplying the
         * width and precision (-1 when literal or absent).
         */
        record Slot(int arg, FormatString.Spec spec, int widthArg, int precisionArg) implements Part {}
    }
}
