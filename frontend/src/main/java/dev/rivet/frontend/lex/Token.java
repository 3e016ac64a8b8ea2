package dev.rivet.frontend.lex;

import dev.rivet.frontend.Span;

/**
 * A token. {@code text} is the identifier, the punctuation, or the literal's source text;
 * {@code value} holds a literal's decoded value (BigInteger for integers, Integer code point for
 * chars and bytes, String for strings, byte[] for byte strings); {@code suffix} is a literal's
 * type suffix ("u8", "usize") or "". {@code raw} marks raw identifiers ({@code r#type}).
 */
public record Token(TokenKind kind, String text, Span span, Object value, String suffix, boolean raw) {
    public boolean is(TokenKind k) { return kind == k; }

    public boolean isPunct(String p) { return kind == TokenKind.PUNCT && text.equals(p); }

    /** An identifier with this text that is not written raw (so a keyword when the text is one). */
    public boolean isKeyword(String k) { return kind == TokenKind.IDENT && !raw && text.equals(k); }

    @Override
    public String toString() { return kind == TokenKind.EOF ? "end of file" : "`" + text + "`"; }
}
