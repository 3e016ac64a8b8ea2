package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import dev.rivet.frontend.parse.Fragments.Fragment;
import dev.rivet.frontend.parse.MacroMatcher.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes out a rule's transcriber with the matched bindings, as rustc's {@code transcribe}
 * does. Tokens of the macro body get the span of where they are written in the macro with the
 * expansion recorded (so errors can name the invocation) and a hygiene context marked with
 * this expansion; a metavariable is replaced by its fragment, token by token for
 * {@code ident}, {@code lifetime}, {@code tt}, {@code meta} and {@code vis}, as one opaque token
 * for the others; {@code $crate} becomes a path to the defining crate.
 *
 * <p>A repetition {@code $( ... ) sep op} repeats as many times as the metavariables inside it
 * that still repeat at this depth were matched, which must all agree; rustc's errors apply
 * when they do not, when none repeats, when a metavariable is used at a smaller depth than it
 * was matched at, and when a {@code +} repetition would be empty. A metavariable with no binding
 * is written out as {@code $name}. The output is linear in its own size.
 */
final class Transcriber {
    private final Map<String, Binding> bindings;
    private final Span.Expansion expansion;
    private final int mark;
    private final Hygiene hygiene;
    private final Diagnostics diags;
    private final String crateRoot;
    private final List<Token> out = new ArrayList<>();
    /** The repetition index at each depth of the repetitions being written. */
    private final List<Integer> indices = new ArrayList<>();
    private boolean ok = true;

    private Transcriber(Map<String, Binding> bindings, Span.Expansion expansion, int mark, Hygiene hygiene,
                        Diagnostics diags, String crateRoot) {
        this.bindings = bindings;
        this.expansion = expansion;
        this.mark = mark;
        this.hygiene = hygiene;
        this.diags = diags;
        this.crateRoot = crateRoot;
    }

    /**
     * The tokens of the transcription, or null after an error. {@code crateRoot} is what
     * {@code $crate} becomes: {@code crate} for a macro of the crate being compiled, else the
     * defining crate's name (written {@code ::name}).
     */
    static List<Token> transcribe(List<MacroTree> rhs, Map<String, Binding> bindings, Span.Expansion expansion, int mark,
                                  Hygiene hygiene, Diagnostics diags, String crateRoot) {
        Transcriber t = new Transcriber(bindings, expansion, mark, hygiene, diags, crateRoot);
        t.write(rhs);
        return t.ok ? t.out : null;
    }

    private void write(List<MacroTree> trees) {
        for (MacroTree tree : trees) {
            if (!ok) return;
            switch (tree) {
                case MacroTree.Tok t -> out.add(body(t.token()));
                case MacroTree.Delimited d -> {
                    out.add(body(d.open()));
                    write(d.inner());
                    out.add(body(d.close()));
                }
                case MacroTree.MetaVar v -> variable(v);
                case MacroTree.DollarCrate c -> dollarCrate(c.token());
                case MacroTree.Repetition r -> repetition(r);
            }
        }
    }

    /** A token of the macro body, placed in this expansion. */
    private Token body(Token t) {
        Span s = t.span();
        return new Token(t.kind(), t.text(), new Span(s.file(), s.start(), s.end(), expansion), t.value(), t.suffix(), t.raw(),
                t.joint(), hygiene.apply(t.ctx(), mark));
    }

    private void dollarCrate(Token t) {
        if (crateRoot.equals("crate")) {
            out.add(body(new Token(TokenKind.IDENT, "crate", t.span(), null, "", false, t.joint(), t.ctx())));
            return;
        }
        out.add(body(new Token(TokenKind.PUNCT, "::", t.span(), null, "", false, true, t.ctx())));
        out.add(body(new Token(TokenKind.IDENT, crateRoot, t.span(), null, "", false, t.joint(), t.ctx())));
    }

    private void variable(MacroTree.MetaVar v) {
        Binding b = bindings.get(v.name());
        if (b == null) { // not a metavariable of this rule: written as it is
            Span s = v.span();
            Token dollar = new Token(TokenKind.PUNCT, "$", new Span(s.file(), s.start(), s.start() + 1, s.expansion()), null, "", false, true, 0);
            out.add(body(dollar));
            out.add(body(new Token(TokenKind.IDENT, v.name(), new Span(s.file(), s.start() + 1, s.end(), s.expansion()), null, "", false, false, 0)));
            return;
        }
        b = atCurrentDepth(b);
        if (b instanceof Binding.Seq) {
            error(Diagnostic.error(v.span(), "variable `" + v.name() + "` is still repeating at this depth"));
            return;
        }
        Fragment f = ((Binding.One) b).fragment();
        if (!f.kind().opaque) {
            out.addAll(f.tokens());
            return;
        }
        out.add(interpolated(f));
    }

    /** One token standing for an opaque fragment (the parser reads it back as a whole). */
    static Token interpolated(Fragment f) {
        Span span = f.tokens().getFirst().span().to(f.tokens().getLast().span());
        return new Token(TokenKind.INTERPOLATED, TokenPrinter.print(f.tokens()), span, f, "", false, f.tokens().getLast().joint(), 0);
    }

    /** A binding followed down the repetition indices being written, as far as it repeats. */
    private Binding atCurrentDepth(Binding b) {
        for (int index : indices) {
            if (!(b instanceof Binding.Seq s)) break;
            b = s.items().get(index);
        }
        return b;
    }

    private void repetition(MacroTree.Repetition r) {
        int count = -1;
        String first = null;
        for (String name : r.vars()) {
            Binding b = bindings.get(name);
            if (b == null || !(atCurrentDepth(b) instanceof Binding.Seq s)) continue;
            if (count < 0) {
                count = s.items().size();
                first = name;
            } else if (s.items().size() != count) {
                error(Diagnostic.error(r.span(), "meta-variable `" + first + "` repeats " + times(count) + ", but `" + name
                        + "` repeats " + times(s.items().size())));
                return;
            }
        }
        if (count < 0) {
            error(Diagnostic.error(r.span(),
                    "attempted to repeat an expression containing no syntax variables matched as repeating at this depth"));
            return;
        }
        if (count == 0 && r.op() == '+') {
            error(Diagnostic.error(r.span(), "this must repeat at least once"));
            return;
        }
        for (int i = 0; i < count && ok; i++) {
            if (i > 0 && r.separator() != null) out.add(body(r.separator()));
            indices.add(i);
            write(r.inner());
            indices.removeLast();
        }
    }

    private static String times(int n) { return n + (n == 1 ? " time" : " times"); }

    private void error(Diagnostic d) {
        diags.add(d);
        ok = false;
    }
}
