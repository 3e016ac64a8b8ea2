package dev.rivet.frontend.parse;

import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens back to text, as rustc's {@code stringify!} prints them: a space between two tokens
 * when the first was followed by whitespace in the source ("alone" spacing) and the pair is not
 * one that never takes a space ({@code x.y}, {@code a,}, {@code f(}, {@code #[}, {@code m!},
 * {@code $x}). Parentheses and brackets are printed tight; braces get inner spaces when the
 * opening brace had a space after it. Doc comments print as {@code #[doc = r"..."]}; an opaque
 * macro fragment prints as its tokens. Linear in the number of tokens. (rustc also breaks lines
 * longer than 78 columns; rivet prints one line.)
 */
public final class TokenPrinter {
    private TokenPrinter() {}

    public static String print(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        List<Token> toks = expandDocComments(tokens);
        sequence(toks, 0, toks.size(), sb);
        return sb.toString();
    }

    /** {@code /// text} as the tokens {@code #[doc = r"text"]} (inner doc comments with {@code #!}), as rustc passes them to macros. */
    static List<Token> expandDocComments(List<Token> tokens) {
        boolean any = false;
        for (Token t : tokens) any |= t.kind() == TokenKind.DOC_OUTER || t.kind() == TokenKind.DOC_INNER;
        if (!any) return tokens;
        List<Token> out = new ArrayList<>(tokens.size() + 8);
        for (Token t : tokens) {
            if (t.kind() != TokenKind.DOC_OUTER && t.kind() != TokenKind.DOC_INNER) {
                out.add(t);
                continue;
            }
            out.add(new Token(TokenKind.PUNCT, "#", t.span(), null, "", false, true, t.ctx()));
            if (t.kind() == TokenKind.DOC_INNER) out.add(new Token(TokenKind.PUNCT, "!", t.span(), null, "", false, true, t.ctx()));
            out.add(new Token(TokenKind.OPEN_BRACKET, "[", t.span(), null, "", false, true, t.ctx()));
            out.add(new Token(TokenKind.IDENT, "doc", t.span(), null, "", false, false, t.ctx()));
            out.add(new Token(TokenKind.PUNCT, "=", t.span(), null, "", false, false, t.ctx()));
            String text = (String) t.value();
            out.add(new Token(TokenKind.STR, rawString(text), t.span(), text, "", false, true, t.ctx()));
            out.add(new Token(TokenKind.CLOSE_BRACKET, "]", t.span(), null, "", false, t.joint(), t.ctx()));
        }
        return out;
    }

    private static String rawString(String text) {
        String hashes = "";
        while (text.contains("\"" + hashes)) hashes += "#";
        return "r" + hashes + "\"" + text + "\"" + hashes;
    }

    private static void sequence(List<Token> toks, int from, int to, StringBuilder sb) {
        int i = from;
        while (i < to) {
            Token t = toks.get(i);
            int end;
            boolean joint;
            if (MacroDef.isOpen(t)) {
                int close = Math.min(MacroDef.matching(toks, i), to - 1);
                group(toks, i, close, sb);
                end = close + 1;
                joint = toks.get(close).joint();
            } else {
                token(t, sb);
                end = i + 1;
                joint = t.joint();
            }
            if (end < to && !joint && spaceBetween(toks.get(i), end - i > 1, toks.get(end))) sb.append(' ');
            i = end;
        }
    }

    private static void group(List<Token> toks, int open, int close, StringBuilder sb) {
        Token o = toks.get(open);
        sb.append(o.text());
        boolean padded = o.kind() == TokenKind.OPEN_BRACE && !o.joint() && close > open + 1;
        if (padded) sb.append(' ');
        sequence(toks, open + 1, close, sb);
        if (padded) sb.append(' ');
        sb.append(toks.get(close).text());
    }

    private static void token(Token t, StringBuilder sb) {
        switch (t.kind()) {
            case INTERPOLATED -> sb.append(print(((Fragments.Fragment) t.value()).tokens()));
            case IDENT -> sb.append(t.raw() ? "r#" : "").append(t.text());
            default -> sb.append(t.text());
        }
    }

    private static boolean isPunct(Token t, boolean group) {
        return !group && t.kind() == TokenKind.PUNCT;
    }

    /** rustc's {@code space_between}: false for the pairs that never take a space. */
    private static boolean spaceBetween(Token a, boolean aGroup, Token b) {
        boolean bGroup = MacroDef.isOpen(b);
        if (!aGroup && a.isPunct(".") && !isPunct(b, bGroup)) return false;
        if (!isPunct(a, aGroup) && !bGroup && (b.isPunct(",") || b.isPunct(";") || b.isPunct("."))) return false;
        if (!aGroup && a.kind() == TokenKind.IDENT && b.kind() == TokenKind.OPEN_PAREN
                && (a.raw() || !reserved(a) || a.text().equals("fn") || a.text().equals("Self") || a.text().equals("pub")))
            return false;
        if (!aGroup && a.isPunct("#") && b.kind() == TokenKind.OPEN_BRACKET) return false;
        if (!aGroup && a.kind() == TokenKind.IDENT && b.isPunct("!") && (a.raw() || !reserved(a))) return false;
        return aGroup || !a.isPunct("$") || b.kind() != TokenKind.IDENT;
    }

    private static boolean reserved(Token t) {
        return ParserBase.KEYWORDS.contains(t.text()) || t.text().equals("_");
    }
}
