package dev.rivet.frontend;

/**
 * Names of local variables and labels that a macro body introduced carry their hygiene marks:
 * {@code x} written in a macro body becomes {@code x#3} (3 is the syntax context of that
 * expansion; a macro expanded inside another's output adds one more, {@code x#3#7}), so that it
 * neither captures nor shadows a caller's {@code x}: local lookup compares whole names. A marked
 * name that finds no binding of its own falls back to the name without its last mark
 * ({@link #outer}), which is what the identifier meant where the macro was written (a macro
 * defined inside a function uses that function's earlier locals). Everything that is not
 * hygienic in macro_rules (items, fields, methods, paths to items) looks the name up by its
 * base. Marks are never shown to a user: diagnostics print names through {@link #display}.
 */
public final class Names {
    /** Separates a name from its mark; no Rust identifier contains it. */
    public static final char MARK = '#';

    private Names() {}

    /** The name followed by the marks of its syntax context ({@code suffix} is "" outside macros). */
    public static String marked(String name, String suffix) {
        return name + suffix;
    }

    /** The name as the code around the innermost macro that produced it sees it, or null for an unmarked name. */
    public static String outer(String name) {
        int i = name.lastIndexOf(MARK);
        return i <= 0 ? null : name.substring(0, i);
    }

    /** The name without its hygiene mark. */
    public static String base(String name) {
        int i = name.indexOf(MARK);
        return i <= 0 ? name : name.substring(0, i);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("(?<=[\\p{L}\\p{N}_])" + MARK + "\\d+");

    /** A message with every hygiene mark removed from the names in it. */
    public static String display(String message) {
        return message.indexOf(MARK) < 0 ? message : MARKS.matcher(message).replaceAll("");
    }
}
