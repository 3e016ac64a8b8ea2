package dev.rivet.frontend.lex;

/** What a token is. Keywords are identifiers; the parser tells them apart. */
public enum TokenKind {
    IDENT, LIFETIME,
    INT, FLOAT, CHAR, BYTE, STR, BYTE_STR, C_STR,
    PUNCT,
    OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE,
    /** {@code ///} or {@code /** *\/}: documents the next item. */
    DOC_OUTER,
    /** {@code //!} or {@code /*! *\/}: documents the enclosing item. */
    DOC_INNER,
    /**
     * A macro fragment substituted for a metavariable of an opaque kind ({@code $e:expr},
     * {@code $t:ty}, ...): one token holding the parsed fragment, as rustc's invisible
     * delimiters do, so that {@code $e * 2} keeps {@code $e} whole.
     */
    INTERPOLATED,
    EOF
}
