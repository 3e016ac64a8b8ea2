package dev.rivet.frontend;

/**
 * One compiler message, rendered the way rustc renders its own:
 *
 * <pre>
 * error: cannot find value `x` in this scope
 *  --> src/main.rs:3:13
 *   |
 * 3 |     let y = x + 1;
 *   |             ^ not found in this scope
 *   |
 *   = help: ...
 * </pre>
 */
public record Diagnostic(Severity severity, String code, String message, Span span, String label, String help) {
    public enum Severity { ERROR, WARNING }

    public Diagnostic(Severity severity, String message, Span span, String label, String help) {
        this(severity, null, message, span, label, help);
    }

    public static Diagnostic error(Span span, String message) {
        return new Diagnostic(Severity.ERROR, message, span, "", "");
    }

    /** An error with rustc's error code, rendered {@code error[E0308]: message}. */
    public static Diagnostic error(Span span, String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, span, "", "");
    }

    public Diagnostic withLabel(String l) { return new Diagnostic(severity, code, message, span, l, help); }

    public Diagnostic withHelp(String h) { return new Diagnostic(severity, code, message, span, label, h); }

    public Diagnostic withCode(String c) { return new Diagnostic(severity, c, message, span, label, help); }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity == Severity.ERROR ? "error" : "warning");
        if (code != null) sb.append('[').append(code).append(']');
        sb.append(": ").append(message).append('\n');
        if (span == null) {
            if (!help.isEmpty()) sb.append("  = help: ").append(help).append('\n');
            return sb.toString();
        }
        int line = span.line();
        String gutter = " ".repeat(String.valueOf(line).length());
        sb.append(gutter).append("--> ").append(span.location()).append('\n');
        sb.append(gutter).append(" |\n");
        String text = span.file().lineText(line);
        sb.append(line).append(" | ").append(text).append('\n');
        int col = span.column();
        int endLine = span.file().line(Math.max(span.start(), span.end() - 1));
        int width = endLine == line ? Math.max(1, span.file().column(Math.max(span.start(), span.end())) - col)
                : Math.max(1, text.codePointCount(0, text.length()) - col + 1);
        String pad = caretPadding(text, col);
        sb.append(gutter).append(" | ").append(pad).append("^".repeat(width));
        if (!label.isEmpty()) sb.append(' ').append(label);
        sb.append('\n');
        if (!help.isEmpty()) sb.append(gutter).append(" |\n").append(gutter).append(" = help: ").append(help).append('\n');
        return sb.toString();
    }

    /** Spaces up to the caret, keeping tabs so that the caret lines up under the source. */
    private static String caretPadding(String text, int col) {
        StringBuilder pad = new StringBuilder();
        int cp = 0;
        for (int i = 0; i < text.length() && cp < col - 1; i += Character.charCount(text.codePointAt(i)), cp++)
            pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
        while (cp++ < col - 1) pad.append(' ');
        return pad.toString();
    }
}
