package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;

/**
 * Maps a position in a string literal's decoded value back to the source, so that a
 * format-string error points at the character inside the quotes, escapes and raw-string
 * delimiters notwithstanding.
 */
final class StringOffsets {
    private StringOffsets() {}

    static Span span(Span literal, int decodedOffset) {
        return span(literal, decodedOffset, 1);
    }

    static Span span(Span literal, int decodedOffset, int length) {
        String src = literal.file().text().substring(literal.start(), literal.end());
        int start = sourceIndex(src, decodedOffset);
        int end = sourceIndex(src, decodedOffset + length);
        return new Span(literal.file(), literal.start() + start, literal.start() + Math.max(start + 1, end));
    }

    /** The index in the literal's source text of decoded character {@code n}. */
    private static int sourceIndex(String src, int n) {
        int i = 0;
        boolean raw = false;
        while (i < src.length() && src.charAt(i) != '"') {
            if (src.charAt(i) == 'r') raw = true;
            i++;
        }
        i++; // opening quote
        for (int k = 0; k < n && i < src.length(); k++) {
            char c = src.charAt(i);
            if (c == '"' && i == src.lastIndexOf('"')) return i;
            if (!raw && c == '\\') {
                char e = i + 1 < src.length() ? src.charAt(i + 1) : 'n';
                if (e == 'x') i += 4;
                else if (e == 'u') i = src.indexOf('}', i) + 1;
                else if (e == '\n') {
                    i += 2;
                    while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
                    k--;
                } else i += 2;
            } else {
                i += Character.charCount(src.codePointAt(i));
            }
        }
        return Math.min(i, src.length());
    }
}
