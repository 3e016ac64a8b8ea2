package dev.rivet.linker;

/** Shell-style wildcard matching as linker scripts use it: {@code *}, {@code ?} and {@code [...]} classes. */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi < p.length() && p.charAt(pi) == '*') pi++;
                    if (pi == p.length()) return true;
                    for (int k = ti; k <= t.length(); k++) if (match(p, pi, t, k)) return true;
                    return false;
                }
                case '?' -> {
                    if (ti >= t.length()) return false;
                    pi++;
                    ti++;
                }
                case '[' -> {
                    int close = p.indexOf(']', pi + 2);
                    if (close < 0 || ti >= t.length()) return close < 0 && literal(p, pi, t, ti) && match(p, pi + 1, t, ti + 1);
                    if (!inClass(p.substring(pi + 1, close), t.charAt(ti))) return false;
                    pi = close + 1;
                    ti++;
                }
                default -> {
                    if (!literal(p, pi, t, ti)) return false;
                    pi++;
                    ti++;
                }
            }
        }
        return ti == t.length();
    }

    private static boolean literal(String p, int pi, String t, int ti) {
        return ti < t.length() && p.charAt(pi) == t.charAt(ti);
    }

    private static boolean inClass(String cls, char c) {
        boolean negate = cls.startsWith("!") || cls.startsWith("^");
        if (negate) cls = cls.substring(1);
        boolean in = false;
        for (int i = 0; i < cls.length(); i++) {
            if (i + 2 < cls.length() && cls.charAt(i + 1) == '-') {
                if (c >= cls.charAt(i) && c <= cls.charAt(i + 2)) in = true;
                i += 2;
            } else if (cls.charAt(i) == c) {
                in = true;
            }
        }
        return in != negate;
    }
}
