package dev.rivet.frontend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 *
 * Besides the primary span a message may carry secondary spans (underlined with {@code -},
 * each with its label), plain notes ({@code = note: ...}) and child notes with a span of their
 * own ({@code note: while trying to match ...}). An error whose primary span lies in code a
 * macro produced also shows the outermost invocation ("in this macro invocation") and names
 * the macros it came through, as rustc does. Hygiene marks never show (see {@link Names}).
 */
public record Diagnostic(Severity severity, String code, String message, Span span, String label, String help,
                         List<Secondary> secondary, List<String> notes, List<Diagnostic> children) {
    public enum Severity { ERROR, WARNING, NOTE }

    /** A span underlined with {@code -} and its label. */
    public record Secondary(Span span, String label) {}

    public Diagnostic(Severity severity, String message, Span span, String label, String help) {
        this(severity, null, message, span, label, help);
    }

    public Diagnostic(Severity severity, String code, String message, Span span, String label, String help) {
        this(severity, code, message, span, label, help, List.of(), List.of(), List.of());
    }

    public static Diagnostic error(Span span, String message) {
        return new Diagnostic(Severity.ERROR, message, span, "", "");
    }

    /** An error with rustc's error code, rendered {@code error[E0308]: message}. */
    public static Diagnostic error(Span span, String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, span, "", "");
    }

    public Diagnostic withLabel(String l) { return new Diagnostic(severity, code, message, span, l, help, secondary, notes, children); }

    public Diagnostic withHelp(String h) { return new Diagnostic(severity, code, message, span, label, h, secondary, notes, children); }

    public Diagnostic withCode(String c) { return new Diagnostic(severity, c, message, span, label, help, secondary, notes, children); }

    public Diagnostic withSecondary(Span s, String l) {
        return new Diagnostic(severity, code, message, span, label, help, append(secondary, new Secondary(s, l)), notes, children);
    }

    public Diagnostic withNote(String n) {
        return new Diagnostic(severity, code, message, span, label, help, secondary, append(notes, n), children);
    }

    /** A child {@code note:} with a span of its own. */
    public Diagnostic withChildNote(Span s, String n) {
        return new Diagnostic(severity, code, message, span, label, help, secondary, notes,
                append(children, new Diagnostic(Severity.NOTE, n, s, "", "")));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }

    public String render() {
        List<Secondary> second = new ArrayList<>(secondary);
        String origin = null;
        if (span != null && span.expansion() != null) {
            second.add(new Secondary(span.sourceCallSite(), "in this macro invocation"));
            origin = originNote(span);
        }
        int gutterWidth = gutterWidth(second);
        for (Diagnostic c : children) if (c.span != null) gutterWidth = Math.max(gutterWidth, digits(c.span.line()));
        StringBuilder sb = new StringBuilder();
        renderHeader(sb, gutterWidth, second);
        String gutter = span == null ? " " : " ".repeat(gutterWidth);
        boolean trailer = !notes.isEmpty() || !help.isEmpty() || origin != null;
        if (span != null && (trailer || !children.isEmpty())) sb.append(gutter).append(" |\n");
        for (String n : notes) sb.append(gutter).append(" = note: ").append(Names.display(n)).append('\n');
        if (!help.isEmpty()) sb.append(gutter).append(" = help: ").append(Names.display(help)).append('\n');
        if (origin != null) sb.append(gutter).append(" = note: ").append(origin).append('\n');
        for (Diagnostic c : children) c.renderHeader(sb, gutterWidth, List.of());
        return sb.toString();
    }

    /** rustc's note: the innermost macro, and the outermost one when it is another. */
    private static String originNote(Span span) {
        String inner = span.expansion().macroName(), outer = inner;
        for (Span s = span; s.expansion() != null; s = s.expansion().callSite()) outer = s.expansion().macroName();
        return "this error originates in the macro `" + inner + "`"
                + (outer.equals(inner) ? "" : " which comes from the expansion of the macro `" + outer + "`")
                + " (in Nightly builds, run with -Z macro-backtrace for more info)";
    }

    private int gutterWidth(List<Secondary> second) {
        int w = span == null ? 0 : digits(span.line());
        for (Secondary s : second) w = Math.max(w, digits(s.span().line()));
        return w;
    }

    private static int digits(int n) { return String.valueOf(n).length(); }

    /** The message line, the location and the source lines with their underlines. */
    private void renderHeader(StringBuilder sb, int gutterWidth, List<Secondary> second) {
        String kind = switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
        sb.append(kind);
        if (code != null) sb.append('[').append(code).append(']');
        sb.append(": ").append(Names.display(message)).append('\n');
        if (span == null) return;
        String gutter = " ".repeat(gutterWidth);
        sb.append(gutter).append("--> ").append(span.location()).append('\n');
        sb.append(gutter).append(" |\n");
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(span, '^', label));
        List<Secondary> elsewhere = new ArrayList<>();
        for (Secondary s : second) {
            if (s.span().file() == span.file()) marks.add(new Mark(s.span(), '-', s.label()));
            else elsewhere.add(s);
        }
        snippet(sb, gutter, marks);
        for (Secondary s : elsewhere) {
            sb.append(gutter).append("::: ").append(s.span().location()).append('\n');
            sb.append(gutter).append(" |\n");
            snippet(sb, gutter, List.of(new Mark(s.span(), '-', s.label())));
        }
    }

    private record Mark(Span span, char underline, String label) {}

    /** Source lines in order, each followed by its underlines; "..." where lines are skipped. */
    private static void snippet(StringBuilder sb, String gutter, List<Mark> marks) {
        java.util.TreeMap<Integer, List<Mark>> byLine = new java.util.TreeMap<>();
        for (Mark m : marks) byLine.computeIfAbsent(m.span().line(), k -> new ArrayList<>()).add(m);
        int lastLine = -1;
        for (var e : byLine.entrySet()) {
            int line = e.getKey();
            SourceFile file = e.getValue().getFirst().span().file();
            if (lastLine >= 0 && line > lastLine + 1) sb.append("...\n");
            String num = String.valueOf(line);
            String text = file.lineText(line);
            sb.append(" ".repeat(gutter.length() - num.length())).append(num).append(" | ").append(text).append('\n');
            lastLine = line;
            List<Mark> row = new ArrayList<>(e.getValue());
            row.sort(Comparator.comparingInt(m -> m.span().column()));
            underlines(sb, gutter, text, row);
        }
    }

    /**
     * The underlines of one source line: all on one row, the rightmost label after it, and the
     * other labels below, each hanging from its underline by a {@code |} (rustc's layout).
     */
    private static void underlines(StringBuilder sb, String gutter, String text, List<Mark> row) {
        StringBuilder line = new StringBuilder();
        for (Mark m : row) {
            pad(line, text, m.span().column());
            line.append(String.valueOf(m.underline()).repeat(width(m.span(), text)));
        }
        Mark last = row.getLast();
        if (!last.label().isEmpty()) line.append(' ').append(Names.display(last.label()));
        sb.append(gutter).append(" | ").append(line).append('\n');
        List<Mark> hanging = new ArrayList<>(row.subList(0, row.size() - 1));
        hanging.removeIf(m -> m.label().isEmpty());
        for (int j = hanging.size() - 1; j >= 0; j--) {
            StringBuilder bar = new StringBuilder(), label = new StringBuilder();
            for (int i = 0; i <= j; i++) {
                pad(bar, text, hanging.get(i).span().column());
                bar.append('|');
                pad(label, text, hanging.get(i).span().column());
                label.append(i == j ? Names.display(hanging.get(i).label()) : "|");
            }
            sb.append(gutter).append(" | ").append(bar).append('\n');
            sb.append(gutter).append(" | ").append(label).append('\n');
        }
    }

    private static int width(Span s, String text) {
        int line = s.line(), col = s.column();
        int endLine = s.file().line(Math.max(s.start(), s.end() - 1));
        return endLine == line ? Math.max(1, s.file().column(Math.max(s.start(), s.end())) - col)
                : Math.max(1, text.codePointCount(0, text.length()) - col + 1);
    }

    /** Pads {@code sb} (a row under {@code text}) up to 1-based column {@code col}. */
    private static void pad(StringBuilder sb, String text, int col) {
        int have = sb.codePointCount(0, sb.length());
        String full = caretPadding(text, col);
        if (have < col - 1) sb.append(full, full.offsetByCodePoints(0, have), full.length());
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
