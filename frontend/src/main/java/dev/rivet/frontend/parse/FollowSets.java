package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The follow-set ambiguity restrictions of macro matchers (the Rust Reference's appendix,
 * RFC 550): a metavariable whose fragment may grow with the language ({@code expr}, {@code stmt},
 * {@code pat}, {@code pat_param}, {@code path}, {@code ty}, {@code vis}) may only be followed by
 * tokens from its FOLLOW set, so that the macro keeps meaning the same thing in later Rust.
 *
 * <p>The check walks a matcher once, as rustc's {@code check_matcher_core} does: it keeps LAST,
 * the restricted metavariables that may end what was seen so far, and tests each of them
 * against FIRST of what comes next (plus FOLLOW of the enclosing context when the rest may be
 * empty). A repetition's inside is checked with its separator and what follows the repetition
 * as its context. FIRST of a suffix is recomputed where needed, so the check is quadratic in the
 * worst case in a matcher's length, as rustc's is; matchers are short.
 */
final class FollowSets {
    /** A set of matcher elements (tokens or metavariables) and whether the empty sequence belongs. */
    private static final class TokenSet {
        final List<MacroTree> items = new ArrayList<>();
        boolean maybeEmpty = true;

        void addOne(MacroTree t) {
            addOneMaybe(t);
            maybeEmpty = false;
        }

        void addOneMaybe(MacroTree t) {
            if (!items.contains(t)) items.add(t);
        }

        void addAll(TokenSet other) {
            for (MacroTree t : other.items) addOneMaybe(t);
            if (!other.maybeEmpty) maybeEmpty = false;
        }

        void replaceWith(MacroTree t) {
            items.clear();
            items.add(t);
            maybeEmpty = false;
        }

        void replaceWithIrrelevant() {
            items.clear();
            maybeEmpty = false;
        }

        TokenSet copy() {
            TokenSet s = new TokenSet();
            s.items.addAll(items);
            s.maybeEmpty = maybeEmpty;
            return s;
        }
    }

    private FollowSets() {}

    static void check(List<MacroTree> matcher, Diagnostics diags, MacroDef.Reader reader) {
        TokenSet empty = new TokenSet();
        empty.maybeEmpty = false;
        checkCore(matcher, emptySuffix(), reader);
    }

    private static TokenSet emptySuffix() { return new TokenSet(); }

    private static TokenSet checkCore(List<MacroTree> matcher, TokenSet follow, MacroDef.Reader reader) {
        TokenSet last = new TokenSet();
        for (int i = 0; i < matcher.size(); i++) {
            MacroTree t = matcher.get(i);
            List<MacroTree> suffix = matcher.subList(i + 1, matcher.size());
            TokenSet suffixFirst;
            switch (t) {
                case MacroTree.Delimited d -> {
                    TokenSet close = new TokenSet();
                    close.addOne(new MacroTree.Tok(d.close()));
                    checkCore(d.inner(), close, reader);
                    last.replaceWithIrrelevant();
                    continue;
                }
                case MacroTree.Repetition r -> {
                    suffixFirst = suffixFirst(suffix, follow);
                    TokenSet mySuffix = suffixFirst;
                    if (r.separator() != null) {
                        mySuffix = suffixFirst.copy();
                        mySuffix.addOneMaybe(new MacroTree.Tok(r.separator()));
                    }
                    TokenSet next = checkCore(r.inner(), mySuffix, reader);
                    if (next.maybeEmpty) last.addAll(next);
                    else {
                        last.items.clear();
                        last.items.addAll(next.items);
                        last.maybeEmpty = false;
                    }
                    continue;
                }
                default -> {
                    if (canBeFollowedByAny(t)) {
                        last.replaceWithIrrelevant();
                        continue;
                    }
                    last.replaceWith(t);
                    suffixFirst = suffixFirst(suffix, follow);
                }
            }
            checkLast(last, suffixFirst, reader);
        }
        return last;
    }

    private static TokenSet suffixFirst(List<MacroTree> suffix, TokenSet follow) {
        TokenSet s = first(suffix);
        if (s.maybeEmpty) s.addAll(follow);
        return s;
    }

    private static void checkLast(TokenSet last, TokenSet suffixFirst, MacroDef.Reader reader) {
        for (MacroTree l : last.items) {
            if (!(l instanceof MacroTree.MetaVar v) || v.kind() == null) continue;
            for (MacroTree next : suffixFirst.items) {
                List<String> allowed = notAllowed(next, v.kind());
                if (allowed == null) continue;
                String mayBe = last.items.size() == 1 && suffixFirst.items.size() == 1 ? "is" : "may be";
                Diagnostic d = Diagnostic.error(next.span(), "`$" + v.name() + ":" + v.kind().spelling + "` " + mayBe
                        + " followed by `" + show(next) + "`, which is not allowed for `" + v.kind().spelling + "` fragments")
                        .withLabel("not allowed after `" + v.kind().spelling + "` fragments");
                if (allowed.size() == 1) d = d.withNote("only " + allowed.getFirst() + " is allowed after `" + v.kind().spelling + "` fragments");
                else d = d.withNote("allowed there are: " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                        + " or " + allowed.getLast());
                reader.report(d);
            }
        }
    }

    private static String show(MacroTree t) {
        return switch (t) {
            case MacroTree.MetaVar v -> "$" + v.name() + (v.kind() != null ? ":" + v.kind().spelling : "");
            case MacroTree.Tok k -> k.token().text();
            case MacroTree.DollarCrate c -> "$crate";
            default -> "?";
        };
    }

    /** FIRST of a sequence of matcher trees. */
    private static TokenSet first(List<MacroTree> trees) {
        TokenSet first = new TokenSet();
        for (MacroTree t : trees) {
            switch (t) {
                case MacroTree.Delimited d -> {
                    first.addOne(new MacroTree.Tok(d.open()));
                    return first;
                }
                case MacroTree.Repetition r -> {
                    TokenSet sub = first(r.inner());
                    if (r.separator() != null && sub.maybeEmpty) first.addOneMaybe(new MacroTree.Tok(r.separator()));
                    first.addAll(sub);
                    if (sub.maybeEmpty || r.op() != '+') {
                        first.maybeEmpty = true;
                        continue;
                    }
                    return first;
                }
                default -> {
                    first.addOne(t);
                    return first;
                }
            }
        }
        return first;
    }

    private static boolean canBeFollowedByAny(MacroTree t) {
        if (!(t instanceof MacroTree.MetaVar v) || v.kind() == null) return true;
        return switch (v.kind()) {
            case ITEM, BLOCK, IDENT, LITERAL, META, LIFETIME, TT -> true;
            default -> false;
        };
    }

    /** Null when {@code next} may follow a fragment of {@code kind}; otherwise what may. */
    private static List<String> notAllowed(MacroTree next, FragmentKind kind) {
        Token tok = next instanceof MacroTree.Tok k ? k.token() : null;
        if (tok != null && MacroDef.isClose(tok)) return null;
        return switch (kind) {
            case STMT, EXPR, EXPR_2021 -> tok != null && (tok.isPunct("=>") || tok.isPunct(",") || tok.isPunct(";"))
                    ? null : List.of("`=>`", "`,`", "`;`");
            case PAT_PARAM -> tok != null && (tok.isPunct("=>") || tok.isPunct(",") || tok.isPunct("=") || tok.isPunct("|")
                    || tok.isKeyword("if") || tok.isKeyword("in")) ? null : List.of("`=>`", "`,`", "`=`", "`|`", "`if`", "`in`");
            case PAT -> tok != null && (tok.isPunct("=>") || tok.isPunct(",") || tok.isPunct("=")
                    || tok.isKeyword("if") || tok.isKeyword("in")) ? null : List.of("`=>`", "`,`", "`=`", "`if`", "`in`");
            case PATH, TY -> followsTypeOrPath(next, tok) ? null
                    : List.of("`{`", "`[`", "`=>`", "`,`", "`>`", "`=`", "`:`", "`;`", "`|`", "`as`", "`where`");
            case VIS -> followsVis(next, tok) ? null : List.of("`,`", "an ident", "a type");
            default -> null;
        };
    }

    private static boolean followsTypeOrPath(MacroTree next, Token tok) {
        if (next instanceof MacroTree.MetaVar v) return v.kind() == FragmentKind.BLOCK;
        if (tok == null) return false;
        return tok.kind() == TokenKind.OPEN_BRACE || tok.kind() == TokenKind.OPEN_BRACKET || tok.isPunct(",")
                || tok.isPunct("=>") || tok.isPunct(":") || tok.isPunct("=") || tok.isPunct(">") || tok.isPunct(">>")
                || tok.isPunct(";") || tok.isPunct("|") || tok.isKeyword("as") || tok.isKeyword("where");
    }

    private static boolean followsVis(MacroTree next, Token tok) {
        if (next instanceof MacroTree.MetaVar v)
            return v.kind() == FragmentKind.IDENT || v.kind() == FragmentKind.TY || v.kind() == FragmentKind.PATH;
        if (tok == null) return false;
        if (tok.isPunct(",")) return true;
        if (tok.kind() == TokenKind.IDENT) return tok.raw() || !tok.text().equals("priv");
        return Fragments.canBeginType(tok);
    }
}
