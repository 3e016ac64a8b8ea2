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
    EOF
}
