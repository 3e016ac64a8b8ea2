package dev.rivet.frontend.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Rust's format-string grammar ({@code std::fmt}): literal text with {@code {{}} and
 * {@code }}} escapes, and placeholders {@code {arg:spec}} where
 * {@code spec := [[fill]align][sign]['#']['0'][width]['.' precision][type]}. Errors carry the
 * offset, in decoded characters, of the problem inside the string.
 */
public final class FormatString {
    /** Which argument a placeholder, width or precision refers to. */
    public sealed interface ArgRef {
        /** {@code {}}: the next positional argument, numbered in order of appearance. */
        record Next(int index) implements ArgRef {}

        record Index(int index) implements ArgRef {}

        record Name(String name) implements ArgRef {}
    }

    public enum Align { NONE, LEFT, CENTER, RIGHT }

    /** A width or precision: absent, a literal, or taken from an argument. */
    public sealed interface Count {
        record None() implements Count {}

        record Literal(int value) implements Count {}

        record Arg(ArgRef arg) implements Count {}
    }

    public record Spec(int fill, Align align, boolean plus, boolean minus, boolean alternate, boolean zero,
                       Count width, Count precision, String type) {
        public static final Spec DEFAULT = new Spec(' ', Align.NONE, false, false, false, false,
                new Count.None(), new Count.None(), "");
    }

    public sealed interface Piece {
        record Text(String text) implements Piece {}

        /** A placeholder; {@code offset} is where its {@code {} is in the decoded string. */
        record Placeholder(ArgRef arg, Spec spec, int offset, int length) implements Piece {}
    }

    /** A malformed format string: message and offset in the decoded string. */
    public static final class Error extends RuntimeException {
        public final int offset;

        Error(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    private final String s;
    private int pos;
    private int nextPositional;
    private final List<Piece> pieces = new ArrayList<>();

    private FormatString(String s) {
        this.s = s;
    }

    public static List<Piece> parse(String s) {
        FormatString f = new FormatString(s);
        f.run();
        return f.pieces;
    }

    private void run() {
        StringBuilder text = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '{' && peek(1) == '{') {
                text.append('{');
                pos += 2;
            } else if (c == '}' && peek(1) == '}') {
                text.append('}');
                pos += 2;
            } else if (c == '}') {
                throw new Error("invalid format string: unmatched `}` found", pos);
            } else if (c == '{') {
                if (!text.isEmpty()) pieces.add(new Piece.Text(text.toString()));
                text.setLength(0);
                placeholder();
            } else {
                text.append(c);
                pos++;
            }
        }
        if (!text.isEmpty()) pieces.add(new Piece.Text(text.toString()));
    }

    private char peek(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
    }

    private void placeholder() {
        int start = pos++;
        ArgRef arg = argument();
        Spec spec = Spec.DEFAULT;
        if (peek(0) == ':') {
            pos++;
            spec = spec();
        }
        if (peek(0) != '}') {
            if (pos >= s.length()) throw new Error("invalid format string: expected `}` but string was terminated", start);
            throw new Error("invalid format string: expected `}`, found `" + s.charAt(pos) + "`", pos);
        }
        pos++;
        if (arg == null) arg = new ArgRef.Next(nextPositional++);
        pieces.add(new Piece.Placeholder(arg, spec, start, pos - start));
    }

    private ArgRef argument() {
        while (peek(0) == ' ') pos++;
        if (Character.isDigit(peek(0))) return new ArgRef.Index(number());
        if (isIdentStart(peek(0))) return new ArgRef.Name(identifier());
        return null;
    }

    private Spec spec() {
        int fill = ' ';
        Align align = Align.NONE;
        Align second = alignOf(pos + Character.charCount(pos < s.length() ? s.codePointAt(pos) : 0));
        if (pos < s.length() && second != Align.NONE) {
            fill = s.codePointAt(pos);
            pos += Character.charCount(fill);
            align = second;
            pos++;
        } else if (alignOf(pos) != Align.NONE) {
            align = alignOf(pos);
            pos++;
        }
        boolean plus = false, minus = false, alt = false, zero = false;
        if (peek(0) == '+') { plus = true; pos++; } else if (peek(0) == '-') { minus = true; pos++; }
        if (peek(0) == '#') { alt = true; pos++; }
        if (peek(0) == '0' && peek(1) != '$') { zero = true; pos++; }
        Count width = count(false);
        Count precision = new Count.None();
        if (peek(0) == '.') {
            pos++;
            if (peek(0) == '*') {
                pos++;
                precision = new Count.Arg(new ArgRef.Next(nextPositional++));
            } else {
                precision = count(true);
                if (precision instanceof Count.None) throw new Error("invalid format string: expected a precision after `.`", pos);
            }
        }
        int typeStart = pos;
        while (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '?')) pos++;
        String type = s.substring(typeStart, pos);
        if (!List.of("", "?", "x", "X", "o", "b", "e", "E", "x?", "X?", "p").contains(type))
            throw new Error("invalid format string: unknown format trait `" + type + "`", typeStart);
        return new Spec(fill, align, plus, minus, alt, zero, width, precision, type);
    }

    private Align alignOf(int at) {
        if (at >= s.length()) return Align.NONE;
        return switch (s.charAt(at)) {
            case '<' -> Align.LEFT;
            case '^' -> Align.CENTER;
            case '>' -> Align.RIGHT;
            default -> Align.NONE;
        };
    }

    /** A count: a number, or {@code N$} / {@code name$} naming an argument. */
    private Count count(boolean precision) {
        int start = pos;
        if (Character.isDigit(peek(0))) {
            int n = number();
            if (peek(0) == '$') {
                pos++;
                return new Count.Arg(new ArgRef.Index(n));
            }
            return new Count.Literal(n);
        }
        if (isIdentStart(peek(0))) {
            String name = identifier();
            if (peek(0) == '$') {
                pos++;
                return new Count.Arg(new ArgRef.Name(name));
            }
            pos = start; // a type such as `x`, not a named width
        }
        return new Count.None();
    }

    private int number() {
        int start = pos;
        while (Character.isDigit(peek(0))) pos++;
        try {
            return Integer.parseInt(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new Error("invalid format string: number too large", start);
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
        return s.substring(start, pos);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
