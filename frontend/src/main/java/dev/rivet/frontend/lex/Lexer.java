package dev.rivet.frontend.lex;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.Span;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Rust's lexical grammar: identifiers (and raw identifiers), lifetimes, every literal form
 * (integers with radix prefixes, {@code _} and suffixes; floats; chars, bytes, strings, byte
 * strings, raw and raw byte strings with their escapes), punctuation by longest match, nested
 * block comments, doc comments and a leading shebang. Malformed input is reported and lexing
 * goes on, so that one run shows every lexical error.
 */
public final class Lexer {
    private static final String[] PUNCT = {
        ">>=", "<<=", "...", "..=",
        "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=",
        "<<", ">>", "..",
        "+", "-", "*", "/", "%", "^", "!", "&", "|", "=", "<", ">", "@", ".", ",", ";", ":", "#", "$", "?", "~"
    };

    private final SourceFile file;
    private final String src;
    private final Diagnostics diags;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.src = file.text();
        this.diags = diags;
    }

    public static List<Token> lex(SourceFile file, Diagnostics diags) {
        Lexer l = new Lexer(file, diags);
        l.run();
        return l.tokens;
    }

    private void run() {
        if (src.startsWith("\uFEFF")) pos = 1;
        if (src.startsWith("#!", pos) && !src.startsWith("#![", pos)) {
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        }
        while (true) {
            skipTrivia();
            if (pos >= src.length()) break;
            token();
        }
        tokens.add(new Token(TokenKind.EOF, "", span(src.length(), src.length()), null, "", false));
        markJoint();
    }

    /** Records which tokens the next one follows with no space between (rustc's joint spacing). */
    private void markJoint() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i), n = tokens.get(i + 1);
            if (n.kind() != TokenKind.EOF && t.span().end() == n.span().start()) tokens.set(i, t.withJoint(true));
        }
    }

    private Span span(int start, int end) { return new Span(file, start, end); }

    private void error(int start, int end, String message) { diags.error(span(start, end), message); }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    // ---- trivia and comments ----

    private void skipTrivia() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                if (!blockComment()) return;
            } else {
                return;
            }
        }
    }

    private void lineComment() {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        String text = src.substring(start, pos);
        if (text.startsWith("///") && !text.startsWith("////")) doc(TokenKind.DOC_OUTER, start, text.substring(3));
        else if (text.startsWith("//!")) doc(TokenKind.DOC_INNER, start, text.substring(3));
    }

    /** Skips a (nested) block comment; doc forms become tokens. Returns false at an unterminated one. */
    private boolean blockComment() {
        int start = pos;
        int depth = 0;
        while (pos < src.length()) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) break;
            } else {
                pos++;
            }
        }
        if (depth != 0) {
            error(start, start + 2, "unterminated block comment");
            return false;
        }
        String text = src.substring(start, pos);
        if (text.length() > 4 && text.startsWith("/**") && !text.startsWith("/***"))
            doc(TokenKind.DOC_OUTER, start, text.substring(3, text.length() - 2));
        else if (text.startsWith("/*!")) doc(TokenKind.DOC_INNER, start, text.substring(3, text.length() - 2));
        return true;
    }

    private void doc(TokenKind kind, int start, String text) {
        tokens.add(new Token(kind, text, span(start, pos), text, "", false));
    }

    // ---- tokens ----

    private void token() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == 'r' && peek(1) == '#' && isIdentStart(peek(2))) {
            pos += 2;
            ident(start, true);
        } else if ((c == 'r' && (peek(1) == '"' || (peek(1) == '#' && (peek(2) == '#' || peek(2) == '"'))))) {
            pos++;
            rawString(start, TokenKind.STR);
        } else if (c == 'b' && peek(1) == 'r' && (peek(2) == '"' || peek(2) == '#')) {
            pos += 2;
            rawString(start, TokenKind.BYTE_STR);
        } else if (c == 'b' && peek(1) == '"') {
            pos++;
            string(start, TokenKind.BYTE_STR);
        } else if (c == 'c' && peek(1) == '"') {
            pos++;
            string(start, TokenKind.C_STR);
        } else if (c == 'b' && peek(1) == '\'') {
            pos++;
            charLiteral(start, TokenKind.BYTE);
        } else if (isIdentStart(c)) {
            ident(start, false);
        } else if (Character.isDigit(c)) {
            number(start);
        } else if (c == '\'') {
            quote(start);
        } else if (c == '"') {
            string(start, TokenKind.STR);
        } else {
            punctuation(start, c);
        }
    }

    static boolean isIdentStart(char c) { return c == '_' || Character.isLetter(c); }

    static boolean isIdentPart(char c) { return c == '_' || Character.isLetterOrDigit(c); }

    private void ident(int start, boolean raw) {
        int textStart = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
        tokens.add(new Token(TokenKind.IDENT, src.substring(textStart, pos), span(start, pos), null, "", raw));
    }

    private void punctuation(int start, char c) {
        switch (c) {
            case '(' -> add(TokenKind.OPEN_PAREN, start, 1);
            case ')' -> add(TokenKind.CLOSE_PAREN, start, 1);
            case '[' -> add(TokenKind.OPEN_BRACKET, start, 1);
            case ']' -> add(TokenKind.CLOSE_BRACKET, start, 1);
            case '{' -> add(TokenKind.OPEN_BRACE, start, 1);
            case '}' -> add(TokenKind.CLOSE_BRACE, start, 1);
            default -> {
                for (String p : PUNCT) {
                    if (src.startsWith(p, pos)) {
                        add(TokenKind.PUNCT, start, p.length());
                        return;
                    }
                }
                pos++;
                error(start, pos, "unknown start of token: " + describe(c));
            }
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u{%x}", (int) c) : String.valueOf(c);
    }

    private void add(TokenKind kind, int start, int length) {
        pos = start + length;
        tokens.add(new Token(kind, src.substring(start, pos), span(start, pos), null, "", false));
    }

    // ---- numbers ----

    private void number(int start) {
        int radix = 10;
        if (src.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'o' || peek(1) == 'b')) {
            radix = peek(1) == 'x' ? 16 : peek(1) == 'o' ? 8 : 2;
            pos += 2;
        }
        StringBuilder digits = new StringBuilder();
        boolean isFloat = false;
        digits(digits, radix);
        if (radix == 10 && peek(0) == '.' && peek(1) != '.' && !isIdentStart(peek(1))) {
            isFloat = true;
            digits.append('.');
            pos++;
            digits(digits, 10);
        }
        if (radix == 10 && (peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
            isFloat = true;
            digits.append('e');
            pos++;
            if (peek(0) == '+' || peek(0) == '-') digits.append(src.charAt(pos++));
            digits(digits, 10);
        }
        int suffixStart = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
        String suffix = src.substring(suffixStart, pos);
        String text = src.substring(start, pos);
        if (suffix.equals("f32") || suffix.equals("f64")) isFloat = true;
        if (isFloat) {
            tokens.add(new Token(TokenKind.FLOAT, text, span(start, pos), digits.toString(), suffix, false));
            return;
        }
        if (!suffix.isEmpty() && !suffix.matches("[ui](8|16|32|64|128|size)")) {
            error(suffixStart, pos, "invalid suffix `" + suffix + "` for number literal");
            suffix = "";
        }
        BigInteger value = BigInteger.ZERO;
        String d = digits.toString();
        if (d.isEmpty()) error(start, pos, "no valid digits found for number");
        else value = new BigInteger(d, radix);
        tokens.add(new Token(TokenKind.INT, text, span(start, pos), value, suffix, false));
    }

    private void digits(StringBuilder into, int radix) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '_') {
                pos++;
            } else if (Character.digit(c, radix) >= 0 && (radix != 10 || Character.isDigit(c))) {
                into.append(c);
                pos++;
            } else if (radix < 10 && Character.isDigit(c)) {
                error(pos, pos + 1, "invalid digit for a base " + radix + " literal");
                pos++;
            } else {
                return;
            }
        }
    }

    // ---- quotes: chars, bytes, lifetimes ----

    private void quote(int start) {
        // 'a' and '\n' are chars; 'a (no closing quote after one char) is a lifetime or label.
        boolean isChar = peek(1) == '\\' || (pos + 2 < src.length() && src.codePointAt(pos + 1) >= 0
                && src.startsWith("'", pos + 1 + Character.charCount(src.codePointAt(pos + 1))));
        if (isChar) {
            charLiteral(start, TokenKind.CHAR);
            return;
        }
        pos++;
        if (!isIdentStart(peek(0))) {
            error(start, pos, "unterminated character literal");
            return;
        }
        while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
        tokens.add(new Token(TokenKind.LIFETIME, src.substring(start, pos), span(start, pos), null, "", false));
    }

    private void charLiteral(int start, TokenKind kind) {
        pos++; // opening quote
        int value;
        if (peek(0) == '\\') {
            value = escape(kind == TokenKind.BYTE, false);
        } else if (peek(0) == '\'' || peek(0) == '\n') {
            error(start, pos + 1, "empty character literal");
            value = 0;
        } else {
            value = src.codePointAt(pos);
            pos += Character.charCount(value);
            if (kind == TokenKind.BYTE && value > 0x7F) error(start, pos, "non-ASCII character in byte literal");
        }
        if (peek(0) != '\'') {
            error(start, pos, kind == TokenKind.BYTE ? "unterminated byte literal" : "character literal may only contain one codepoint");
            while (pos < src.length() && src.charAt(pos) != '\'' && src.charAt(pos) != '\n') pos++;
        }
        if (peek(0) == '\'') pos++;
        tokens.add(new Token(kind, src.substring(start, pos), span(start, pos), value, suffix(), false));
    }

    /** Reads an escape at pos (which is on the backslash); returns the code point, -1 for a line continuation. */
    private int escape(boolean bytes, boolean inString) {
        int start = pos;
        pos++;
        char c = peek(0);
        pos++;
        switch (c) {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case '\\': return '\\';
            case '0': return 0;
            case '\'': return '\'';
            case '"': return '"';
            case 'x': {
                String hex = src.substring(pos, Math.min(pos + 2, src.length()));
                if (hex.length() < 2 || !hex.matches("[0-9a-fA-F]{2}")) {
                    error(start, pos, "invalid \\x escape: expected two hex digits");
                    return 0;
                }
                pos += 2;
                int v = Integer.parseInt(hex, 16);
                if (!bytes && v > 0x7F) error(start, pos, "out of range hex escape: must be a character in the range [\\x00-\\x7f]");
                return v;
            }
            case 'u': {
                if (bytes) error(start, pos, "unicode escape in byte string");
                if (peek(0) != '{') {
                    error(start, pos, "incorrect unicode escape sequence");
                    return 0;
                }
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    error(start, pos, "unterminated unicode escape");
                    return 0;
                }
                String hex = src.substring(pos + 1, close).replace("_", "");
                pos = close + 1;
                if (!hex.matches("[0-9a-fA-F]{1,6}")) {
                    error(start, pos, "invalid unicode character escape");
                    return 0;
                }
                int v = Integer.parseInt(hex, 16);
                if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) error(start, pos, "invalid unicode character escape");
                return v;
            }
            case '\n':
                if (inString) {
                    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
                    return -1;
                }
                // fall through
            default:
                error(start, pos, "unknown character escape: `" + describe(c) + "`");
                return c;
        }
    }

    private void string(int start, TokenKind kind) {
        pos++; // opening quote
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean isBytes = kind == TokenKind.BYTE_STR;
        while (pos < src.length() && src.charAt(pos) != '"') {
            int cp;
            if (src.charAt(pos) == '\\') {
                cp = escape(isBytes, true);
                if (cp < 0) continue;
            } else {
                cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                if (cp == '\r' && peek(0) == '\n') continue; // CRLF counts as LF
                if (isBytes && cp > 0x7F) error(pos - 1, pos, "non-ASCII character in byte string literal");
            }
            if (isBytes) bytes.write(cp);
            else text.appendCodePoint(cp);
        }
        if (pos >= src.length()) {
            error(start, start + 1, "unterminated double quote string");
        } else {
            pos++;
        }
        Object value = isBytes ? bytes.toByteArray() : text.toString();
        tokens.add(new Token(kind, src.substring(start, pos), span(start, pos), value, suffix(), false));
    }

    private void rawString(int start, TokenKind kind) {
        int hashes = 0;
        while (peek(0) == '#') {
            hashes++;
            pos++;
        }
        if (peek(0) != '"') {
            error(start, pos, "found invalid character; only `#` is allowed in raw string delimitation");
            return;
        }
        pos++;
        String close = "\"" + "#".repeat(hashes);
        int end = src.indexOf(close, pos);
        if (end < 0) {
            error(start, pos, "unterminated raw string");
            pos = src.length();
            return;
        }
        String body = src.substring(pos, end).replace("\r\n", "\n");
        pos = end + close.length();
        Object value = kind == TokenKind.BYTE_STR ? body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : body;
        if (kind == TokenKind.BYTE_STR && body.chars().anyMatch(ch -> ch > 0x7F))
            error(start, pos, "non-ASCII character in raw byte string literal");
        tokens.add(new Token(kind, src.substring(start, pos), span(start, pos), value, suffix(), false));
    }

    /** A literal's suffix (identifier characters right after it); only numbers may have one. */
    private String suffix() {
        int start = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
        if (pos > start) error(start, pos, "suffixes on string and character literals are invalid");
        return "";
    }
}
