package dev.rivet.frontend;

/** A range of characters in a source file: [start, end). */
public record Span(SourceFile file, int start, int end) {
    public int line() { return file.line(start); }

    public int column() { return file.column(start); }

    /** A span covering both. */
    public Span to(Span other) {
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    /** "file:line:col", as in diagnostics and panic messages. */
    public String location() {
        return file.name() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() { return location(); }
}
