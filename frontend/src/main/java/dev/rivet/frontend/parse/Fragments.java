package dev.rivet.frontend.parse;

import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * Macro fragments: which tokens may begin a fragment of each kind (so that the matcher hands
 * a token to the parser only when the fragment could start there, as rustc's
 * {@code nonterminal_may_begin_with} decides), and the parse of one fragment from a matcher's
 * input. The matcher parses a fragment only to learn where it ends: the parser runs in skim
 * mode (no macro expanded, no file read, no macro defined), and the fragment is kept as its
 * tokens. An opaque fragment is parsed again, into a fresh tree, wherever a transcription
 * places it, so no syntax node is ever shared between two places in the program.
 */
final class Fragments {
    /** A matched fragment: its kind and its tokens; the value of an {@link TokenKind#INTERPOLATED} token. */
    record Fragment(FragmentKind kind, List<Token> tokens) {}

    private Fragments() {}

    private static final Set<String> EXPR_KEYWORDS = Set.of("async", "do", "box", "break", "const", "continue", "false",
            "for", "gen", "if", "let", "loop", "match", "move", "return", "true", "try", "unsafe", "while", "yield",
            "safe", "static");
    private static final Set<String> PATH_KEYWORDS = Set.of("self", "Self", "super", "crate");
    private static final Set<String> TYPE_KEYWORDS = Set.of("_", "for", "impl", "fn", "unsafe", "extern", "typeof", "dyn");

    private static boolean reserved(Token t) {
        return !t.raw() && (ParserBase.KEYWORDS.contains(t.text()) || t.text().equals("_"));
    }

    private static FragmentKind interpolated(Token t) {
        return t.kind() == TokenKind.INTERPOLATED ? ((Fragment) t.value()).kind() : null;
    }

    /** Whether a fragment of {@code kind} may begin with {@code t}. */
    static boolean mayBegin(FragmentKind kind, Token t) {
        return switch (kind) {
            case EXPR, EXPR_2021 -> canBeginExpr(t) && !t.isKeyword("let") && !t.isKeyword("const");
            case TY -> canBeginType(t);
            case IDENT -> t.kind() == TokenKind.IDENT && !(t.text().equals("_") && !t.raw());
            case LIFETIME -> t.kind() == TokenKind.LIFETIME;
            case LITERAL -> canBeginLiteral(t);
            case VIS -> t.isPunct(",") || t.kind() == TokenKind.IDENT || t.kind() == TokenKind.INTERPOLATED || canBeginType(t);
            case BLOCK -> t.kind() == TokenKind.OPEN_BRACE || interpolated(t) == FragmentKind.BLOCK
                    || interpolated(t) == FragmentKind.EXPR || interpolated(t) == FragmentKind.STMT
                    || interpolated(t) == FragmentKind.LITERAL;
            case PATH, META -> t.isPunct("::") || t.kind() == TokenKind.IDENT || mayBeIdent(interpolated(t));
            case PAT -> canBeginPattern(t, true);
            case PAT_PARAM -> canBeginPattern(t, false);
            case TT, ITEM, STMT -> !MacroDef.isClose(t) && t.kind() != TokenKind.EOF;
        };
    }

    private static boolean mayBeIdent(FragmentKind k) {
        return k != null && switch (k) {
            case STMT, PAT, PAT_PARAM, EXPR, EXPR_2021, TY, LITERAL, META, PATH -> true;
            default -> false;
        };
    }

    static boolean canBeginExpr(Token t) {
        FragmentKind k = interpolated(t);
        if (k != null) return k == FragmentKind.BLOCK || k == FragmentKind.EXPR || k == FragmentKind.EXPR_2021
                || k == FragmentKind.LITERAL || k == FragmentKind.PATH;
        return switch (t.kind()) {
            case IDENT -> !reserved(t) || PATH_KEYWORDS.contains(t.text()) || EXPR_KEYWORDS.contains(t.text());
            case OPEN_PAREN, OPEN_BRACE, OPEN_BRACKET, INT, FLOAT, CHAR, BYTE, STR, BYTE_STR, C_STR, LIFETIME -> true;
            case PUNCT -> Set.of("!", "-", "*", "|", "||", "&", "&&", "..", "...", "..=", "<", "<<", "::", "#").contains(t.text());
            default -> false;
        };
    }

    static boolean canBeginType(Token t) {
        FragmentKind k = interpolated(t);
        if (k != null) return k == FragmentKind.TY || k == FragmentKind.PATH;
        return switch (t.kind()) {
            case IDENT -> !reserved(t) || PATH_KEYWORDS.contains(t.text()) || TYPE_KEYWORDS.contains(t.text());
            case OPEN_PAREN, OPEN_BRACKET, LIFETIME -> true;
            case PUNCT -> Set.of("!", "*", "&", "&&", "?", "<", "<<", "::").contains(t.text());
            default -> false;
        };
    }

    private static boolean canBeginPattern(Token t, boolean withOr) {
        FragmentKind k = interpolated(t);
        if (k != null) return k != FragmentKind.BLOCK && k != FragmentKind.ITEM && k != FragmentKind.STMT;
        return switch (t.kind()) {
            case IDENT, OPEN_PAREN, OPEN_BRACKET, INT, FLOAT, CHAR, BYTE, STR, BYTE_STR, C_STR -> true;
            case PUNCT -> Set.of("&", "-", "&&", "..", "...", "::", "<", "<<").contains(t.text()) || (withOr && t.isPunct("|"));
            default -> false;
        };
    }

    private static boolean canBeginLiteral(Token t) {
        FragmentKind k = interpolated(t);
        if (k != null) return k == FragmentKind.LITERAL || k == FragmentKind.EXPR;
        return TypeParser.isLiteral(t) || t.isPunct("-");
    }

    /**
     * Parses a fragment of {@code kind} at the parser's position and returns its tokens; the
     * parser ends right after it. Throws {@link ParserBase.ParseError} (reported) when the
     * tokens there are not such a fragment.
     */
    static Fragment parse(Parser p, FragmentKind kind) {
        int start = p.pos;
        switch (kind) {
            case IDENT, LIFETIME -> p.next();
            case TT -> tokenTree(p);
            case EXPR, EXPR_2021 -> p.expression();
            case TY -> p.type();
            case PAT -> p.pattern();
            case PAT_PARAM -> p.patternNoAlt();
            case PATH -> p.path(TypeParser.PathMode.TYPE);
            case BLOCK -> p.block();
            case ITEM -> p.itemFragment();
            case STMT -> p.statementFragment();
            case LITERAL -> literal(p);
            case META -> meta(p);
            case VIS -> p.visibility();
        }
        return new Fragment(kind, List.copyOf(p.tokens.subList(start, p.pos)));
    }

    private static void tokenTree(Parser p) {
        if (MacroDef.isOpen(p.peek())) p.tokenTree();
        else p.next();
    }

    private static void literal(Parser p) {
        if (p.at(TokenKind.INTERPOLATED)) {
            p.next();
            return;
        }
        boolean minus = p.eatPunct("-");
        if (!p.atLiteral()) throw p.error(p.peek().span(), "expected literal, found " + p.peek());
        if (minus && p.peek().kind() != TokenKind.INT && p.peek().kind() != TokenKind.FLOAT)
            throw p.error(p.peek().span(), "expected numeric literal after `-`, found " + p.peek());
        p.next();
    }

    // Meta := Path ( DelimTokenTree | "=" Expr )?
    private static void meta(Parser p) {
        if (p.at(TokenKind.INTERPOLATED)) p.next();
        else p.path(TypeParser.PathMode.MOD);
        if (MacroDef.isOpen(p.peek())) p.tokenTree();
        else if (p.eatPunct("=")) p.expression();
    }
}
