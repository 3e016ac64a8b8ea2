package dev.rivet.frontend.lex;

import dev.rivet.frontend.Span;

/**
 * A token. {@code text} is the identifier, the punctuation, or the literal's source text;
 * {@code value} holds a literal's decoded value (BigInteger for integers, Integer code point for
 * chars and bytes, String for strings, byte[] for byte strings), or for an
 * {@link TokenKind#INTERPOLATED} token the matched macro fragment; {@code suffix} is a literal's
 * type suffix ("u8", "usize") or "". {@code raw} marks raw identifiers ({@code r#type}).
 *
 * <p>{@code joint} says the next token in the source followed this one with no space between
 * (rustc's token spacing, which {@code stringify!} honours). {@code ctx} is the syntax context of
 * macro hygiene: 0 for tokens written in the source, another number for tokens a macro body
 * produced (see {@code parse.Hygiene}).
 */
public record Token(TokenKind kind, String text, Span span, Object value, String suffix, boolean raw, boolean joint, int ctx) {
    public Token(TokenKind kind, String text, Span span, Object value, String suffix, boolean raw) {
        this(kind, text, span, value, suffix, raw, false, 0);
    }

    public boolean is(TokenKind k) { return kind == k; }

    public boolean isPunct(String p) { return kind == TokenKind.PUNCT && text.equals(p); }

    /** An identifier with this text that is not written raw (so a keyword when the text is one). */
    public boolean isKeyword(String k) { return kind == TokenKind.IDENT && !raw && text.equals(k); }

    public Token withSpan(Span s) { return new Token(kind, text, s, value, suffix, raw, joint, ctx); }

    public Token withCtx(int c) { return new Token(kind, text, span, value, suffix, raw, joint, c); }

    public Token withJoint(boolean j) { return new Token(kind, text, span, value, suffix, raw, j, ctx); }

    @Override
    public String toString() {
        if (kind == TokenKind.EOF) return text.isEmpty() ? "end of file" : text;
        return "`" + (raw ? "r#" : "") + text + "`";
    }
}
