package dev.rivet.frontend;

/**
 * A range of characters in a source file: [start, end). A span of a token that a macro
 * expansion produced from the macro's own body also records that expansion (the macro's name
 * and the span of the invocation), so that diagnostics can point at both the code in the
 * macro and the invocation ("in this macro invocation"), and panics and {@code line!()} can
 * report the outermost invocation as rustc does. Tokens substituted for metavariables keep
 * the span they had in the invocation, with its expansion if it had one.
 */
public record Span(SourceFile file, int start, int end, Expansion expansion) {
    /** The macro expansion a span comes from: the macro's name and where it was invoked. */
    public record Expansion(String macroName, Span callSite) {}

    public Span(SourceFile file, int start, int end) {
        this(file, start, end, null);
    }

    public int line() { return file.line(start); }

    public int column() { return file.column(start); }

    /**
     * Where the code this span belongs to was written outside of every macro: the span itself,
     * or for code that a macro body produced, the outermost invocation (rustc's
     * {@code expansion_cause}). Panic locations and {@code line!()} use it.
     */
    public Span sourceCallSite() {
        Span s = this;
        while (s.expansion != null) s = s.expansion.callSite();
        return s;
    }

    /** A span covering both when both come from the same place; otherwise this span. */
    public Span to(Span other) {
        if (other.file != file || !java.util.Objects.equals(other.expansion, expansion)) return this;
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end), expansion);
    }

    /** "file:line:col", as in diagnostics and panic messages. */
    public String location() {
        return file.name() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() { return location(); }
}
