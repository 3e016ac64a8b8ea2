package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code macro_rules!} macro, read from its definition once: each rule's matcher as a tree
 * (checked against the follow-set rules, {@link FollowSets}) and flattened into the positions
 * {@link MacroMatcher} steps through, and each transcriber as a tree for {@link Transcriber}.
 *
 * <p>The flat matcher follows rustc's {@code MatcherLoc}s: a token to match; a sequence start
 * (which may be skipped for {@code *} and {@code ?}); at a sequence's end either "repeat or
 * leave" or "separator, then repeat"; a metavariable; the end. Delimiters are tokens like any
 * other, since the input is matched as a flat token list. Metavariables are numbered in order
 * of appearance, and a sequence knows the range of numbers declared inside it, so a match can
 * record a binding as (number, depth, fragment) without building trees while it runs.
 *
 * <p>Errors in the definition (a missing or unknown fragment specifier, a separator on
 * {@code ?}, a duplicate binding, a follow-set violation) are reported here, in rustc's words;
 * such a macro is {@code broken} and its invocations expand to nothing without more errors.
 * Reading a definition is linear in its size, plus the follow-set check.
 */
public final class MacroDef {
    /** One rule: its flat matcher, the names of its metavariables by number, its transcriber. */
    record Rule(List<MatcherLoc> matcher, List<String> metavarNames, List<MacroTree> transcriber, Span span) {}

    /** A position in a flattened matcher. */
    sealed interface MatcherLoc {
        record Tok(Token token) implements MatcherLoc {}

        record Sequence(char op, int numMetavars, int idxFirstAfter, int nextMetavar, int depth) implements MatcherLoc {}

        record KleeneNoSep(char op, int idxFirst) implements MatcherLoc {}

        record Sep(Token separator) implements MatcherLoc {}

        record KleeneAfterSep(int idxFirst) implements MatcherLoc {}

        record MetaVarDecl(String name, FragmentKind kind, int nextMetavar, int depth, Span span) implements MatcherLoc {}

        record Eof() implements MatcherLoc {}
    }

    final String name;
    final List<Rule> rules;
    /** The crate whose {@code $crate} this macro's body means. */
    final String crateName;
    /** {@code macro_rules! name}: where rustc points "when calling this macro". */
    final Span header;
    final boolean broken;

    private MacroDef(String name, List<Rule> rules, String crateName, Span header, boolean broken) {
        this.name = name;
        this.rules = rules;
        this.crateName = crateName;
        this.header = header;
        this.broken = broken;
    }

    /** Reads a definition whose body (inside its delimiters) is {@code body}. */
    static MacroDef read(String name, List<Token> body, String crateName, Span header, Span bodySpan, Diagnostics diags) {
        Reader r = new Reader(body, diags);
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        while (i < body.size() && r.ok) {
            int lhsEnd = r.groupEnd(i, "expected the left-hand side of a macro rule, found ");
            if (lhsEnd < 0) break;
            if (lhsEnd + 1 >= body.size() || !body.get(lhsEnd + 1).isPunct("=>")) {
                r.error(lhsEnd + 1 < body.size() ? body.get(lhsEnd + 1).span() : body.get(lhsEnd).span(), "expected `=>`, found "
                        + (lhsEnd + 1 < body.size() ? body.get(lhsEnd + 1).toString() : "end of macro definition"));
                break;
            }
            int rhsEnd = r.groupEnd(lhsEnd + 2, "expected macro right-hand side, found ");
            if (rhsEnd < 0) break;
            List<MacroTree> lhs = r.trees(i + 1, lhsEnd, true);
            List<MacroTree> rhs = r.trees(lhsEnd + 3, rhsEnd, false);
            if (r.ok) {
                r.checkBindings(lhs);
                FollowSets.check(lhs, diags, r);
                rules.add(new Rule(compile(lhs), metavarNames(lhs), rhs, body.get(i).span().to(body.get(rhsEnd).span())));
            }
            i = rhsEnd + 1;
            if (i < body.size() && !body.get(i).isPunct(";")) {
                r.error(body.get(i).span(), "expected `;`, found " + body.get(i));
                break;
            }
            i++;
        }
        if (r.ok && rules.isEmpty()) r.error(bodySpan, "macros must contain at least one rule");
        return new MacroDef(name, List.copyOf(rules), crateName, header, !r.ok);
    }

    /** Reads token trees of one rule side and reports malformed ones. */
    static final class Reader {
        private final List<Token> toks;
        private final Diagnostics diags;
        boolean ok = true;

        Reader(List<Token> toks, Diagnostics diags) {
            this.toks = toks;
            this.diags = diags;
        }

        void error(Span span, String message) {
            report(Diagnostic.error(span, message));
        }

        void report(Diagnostic d) {
            diags.add(d);
            ok = false;
        }

        /** The index of the token closing the group opened at {@code open}, or -1 after an error. */
        int groupEnd(int open, String expected) {
            if (open >= toks.size() || !isOpen(toks.get(open))) {
                Span at = open < toks.size() ? toks.get(open).span() : toks.getLast().span();
                error(at, expected + (open < toks.size() ? toks.get(open).toString() : "end of macro definition"));
                return -1;
            }
            return matching(toks, open);
        }

        List<MacroTree> trees(int from, int to, boolean matcher) {
            List<MacroTree> out = new ArrayList<>();
            int i = from;
            while (i < to) {
                Token t = toks.get(i);
                if (isOpen(t)) {
                    int close = matching(toks, i);
                    out.add(new MacroTree.Delimited(t, trees(i + 1, close, matcher), toks.get(close)));
                    i = close + 1;
                } else if (t.isPunct("$") && i + 1 < to) {
                    i = dollar(out, i, to, matcher);
                } else {
                    if (t.isPunct("$") && matcher) error(t.span(), "expected identifier, found end of macro matcher");
                    out.add(new MacroTree.Tok(t));
                    i++;
                }
            }
            return out;
        }

        /** {@code $name:kind}, {@code $name}, {@code $crate} or {@code $( ... ) sep? op} at {@code i}. */
        private int dollar(List<MacroTree> out, int i, int to, boolean matcher) {
            Token dollar = toks.get(i), n = toks.get(i + 1);
            if (n.kind() == TokenKind.OPEN_PAREN) return repetition(out, i, to, matcher);
            if (n.kind() == TokenKind.OPEN_BRACE) {
                error(dollar.span().to(n.span()), "unsupported: macro metavariable expressions (`${...}`)");
                return matching(toks, i + 1) + 1;
            }
            if (n.kind() != TokenKind.IDENT) {
                if (matcher) error(n.span(), "expected identifier, found " + n);
                out.add(new MacroTree.Tok(dollar));
                return i + 1;
            }
            if (n.isKeyword("crate")) {
                out.add(new MacroTree.DollarCrate(n));
                return i + 2;
            }
            Span nameSpan = dollar.span().to(n.span());
            if (!matcher) {
                out.add(new MacroTree.MetaVar(n.text(), null, nameSpan));
                return i + 2;
            }
            if (i + 3 < to && toks.get(i + 2).isPunct(":") && toks.get(i + 3).kind() == TokenKind.IDENT) {
                Token spec = toks.get(i + 3);
                FragmentKind kind = FragmentKind.byName(spec.text());
                Span full = dollar.span().to(spec.span());
                if (kind == null)
                    report(Diagnostic.error(full, "invalid fragment specifier `" + spec.text() + "`").withHelp(FragmentKind.VALID));
                out.add(new MacroTree.MetaVar(n.text(), kind, full));
                return i + 4;
            }
            report(Diagnostic.error(nameSpan, "missing fragment specifier").withNote("fragment specifiers must be provided")
                    .withHelp(FragmentKind.VALID));
            out.add(new MacroTree.MetaVar(n.text(), null, nameSpan));
            return i + 2;
        }

        private int repetition(List<MacroTree> out, int i, int to, boolean matcher) {
            int close = matching(toks, i + 1);
            List<MacroTree> inner = trees(i + 2, close, matcher);
            int k = close + 1;
            Token sep = null;
            char op = '*';
            if (k < to && isKleene(toks.get(k))) {
                op = toks.get(k).text().charAt(0);
                k++;
            } else if (k < to && !isOpen(toks.get(k)) && !isClose(toks.get(k))) {
                sep = toks.get(k);
                if (k + 1 < to && isKleene(toks.get(k + 1))) {
                    op = toks.get(k + 1).text().charAt(0);
                    if (op == '?') error(sep.span(), "the `?` macro repetition operator does not take a separator");
                    k += 2;
                } else {
                    error(k + 1 < to ? toks.get(k + 1).span() : sep.span(), "expected one of: `*`, `+`, or `?`");
                    k++;
                }
            } else {
                error(k < to ? toks.get(k).span() : toks.get(close).span(), "expected one of: `*`, `+`, or `?`");
            }
            Set<String> vars = new LinkedHashSet<>();
            int captures = collectVars(inner, vars);
            out.add(new MacroTree.Repetition(inner, sep, op, java.util.Collections.unmodifiableSet(vars), captures, toks.get(i).span().to(toks.get(close).span())));
            return k;
        }

        /** "duplicate matcher binding" for a name declared twice in one matcher. */
        void checkBindings(List<MacroTree> lhs) {
            checkBindings(lhs, new HashMap<>());
        }

        private void checkBindings(List<MacroTree> trees, Map<String, Span> seen) {
            for (MacroTree t : trees) {
                switch (t) {
                    case MacroTree.MetaVar v -> {
                        Span before = seen.putIfAbsent(v.name(), v.span());
                        if (before != null)
                            report(Diagnostic.error(v.span(), "duplicate matcher binding").withLabel("duplicate binding")
                                    .withSecondary(before, "previous binding"));
                    }
                    case MacroTree.Delimited d -> checkBindings(d.inner(), seen);
                    case MacroTree.Repetition r -> checkBindings(r.inner(), seen);
                    default -> { }
                }
            }
        }
    }

    private static boolean isKleene(Token t) { return t.isPunct("*") || t.isPunct("+") || t.isPunct("?"); }

    static boolean isOpen(Token t) {
        return t.kind() == TokenKind.OPEN_PAREN || t.kind() == TokenKind.OPEN_BRACKET || t.kind() == TokenKind.OPEN_BRACE;
    }

    static boolean isClose(Token t) {
        return t.kind() == TokenKind.CLOSE_PAREN || t.kind() == TokenKind.CLOSE_BRACKET || t.kind() == TokenKind.CLOSE_BRACE;
    }

    /** The index of the delimiter closing the one at {@code open} (the list is balanced). */
    static int matching(List<Token> toks, int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            if (isOpen(toks.get(i))) depth++;
            else if (isClose(toks.get(i)) && --depth == 0) return i;
        }
        return toks.size() - 1;
    }

    /** Counts metavariable declarations inside {@code trees} and collects every metavariable name. */
    private static int collectVars(List<MacroTree> trees, Set<String> into) {
        int n = 0;
        for (MacroTree t : trees) {
            switch (t) {
                case MacroTree.MetaVar v -> {
                    into.add(v.name());
                    n++;
                }
                case MacroTree.Delimited d -> n += collectVars(d.inner(), into);
                case MacroTree.Repetition r -> {
                    into.addAll(r.vars());
                    n += r.captures();
                }
                default -> { }
            }
        }
        return n;
    }

    private static List<String> metavarNames(List<MacroTree> lhs) {
        List<String> names = new ArrayList<>();
        walkNames(lhs, names);
        return List.copyOf(names);
    }

    private static void walkNames(List<MacroTree> trees, List<String> into) {
        for (MacroTree t : trees) {
            switch (t) {
                case MacroTree.MetaVar v -> into.add(v.name());
                case MacroTree.Delimited d -> walkNames(d.inner(), into);
                case MacroTree.Repetition r -> walkNames(r.inner(), into);
                default -> { }
            }
        }
    }

    /** Flattens a matcher (rustc's {@code compute_locs}). */
    static List<MatcherLoc> compile(List<MacroTree> lhs) {
        List<MatcherLoc> locs = new ArrayList<>();
        flatten(lhs, locs, new int[] {0}, 0);
        locs.add(new MatcherLoc.Eof());
        return List.copyOf(locs);
    }

    private static void flatten(List<MacroTree> trees, List<MatcherLoc> locs, int[] nextMetavar, int depth) {
        for (MacroTree t : trees) {
            switch (t) {
                case MacroTree.Tok k -> locs.add(new MatcherLoc.Tok(k.token()));
                case MacroTree.DollarCrate c -> locs.add(new MatcherLoc.Tok(c.token()));
                case MacroTree.Delimited d -> {
                    locs.add(new MatcherLoc.Tok(d.open()));
                    flatten(d.inner(), locs, nextMetavar, depth);
                    locs.add(new MatcherLoc.Tok(d.close()));
                }
                case MacroTree.Repetition r -> {
                    int seqIndex = locs.size();
                    locs.add(null); // replaced below, once the sequence's end is known
                    int first = locs.size();
                    int metavarBefore = nextMetavar[0];
                    flatten(r.inner(), locs, nextMetavar, depth + 1);
                    if (r.separator() != null) {
                        locs.add(new MatcherLoc.Sep(r.separator()));
                        locs.add(new MatcherLoc.KleeneAfterSep(first));
                    } else {
                        locs.add(new MatcherLoc.KleeneNoSep(r.op(), first));
                    }
                    locs.set(seqIndex, new MatcherLoc.Sequence(r.op(), r.captures(), locs.size(), metavarBefore, depth));
                }
                case MacroTree.MetaVar v -> {
                    locs.add(new MatcherLoc.MetaVarDecl(v.name(), v.kind(), nextMetavar[0], depth, v.span()));
                    nextMetavar[0]++;
                }
            }
        }
    }
}
