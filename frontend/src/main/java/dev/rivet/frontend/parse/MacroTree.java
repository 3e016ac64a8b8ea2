package dev.rivet.frontend.parse;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import java.util.List;
import java.util.Set;

/**
 * One side of a macro_rules rule as a tree: plain tokens, delimited groups, metavariables
 * ({@code $x:kind} in a matcher, {@code $x} in a transcriber), repetitions
 * {@code $( ... ) sep? op} and {@code $crate}.
 */
sealed interface MacroTree {
    Span span();

    record Tok(Token token) implements MacroTree {
        public Span span() { return token.span(); }
    }

    record Delimited(Token open, List<MacroTree> inner, Token close) implements MacroTree {
        public Span span() { return open.span().to(close.span()); }
    }

    /** {@code kind} is null in a transcriber (and in a matcher that forgot it, after the error). */
    record MetaVar(String name, FragmentKind kind, Span span) implements MacroTree {}

    /**
     * {@code $( inner ) separator op}; {@code op} is one of {@code * + ?}. {@code vars} are the
     * metavariables named anywhere inside (what decides the repetition count in a transcriber);
     * {@code captures} counts the metavariables a matcher declares inside.
     */
    record Repetition(List<MacroTree> inner, Token separator, char op, Set<String> vars, int captures, Span span)
            implements MacroTree {}

    record DollarCrate(Token token) implements MacroTree {
        public Span span() { return token.span(); }
    }
}
