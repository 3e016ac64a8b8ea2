package dev.rivet.frontend;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics across the stages of one compilation. */
public final class Diagnostics {
    /** Thrown to abandon a stage when errors make going on pointless (reported already). */
    public static final class Abort extends RuntimeException {
        public Abort() {
            super(null, null, false, false);
        }
    }

    private final List<Diagnostic> list = new ArrayList<>();

    public void add(Diagnostic d) { list.add(d); }

    public Diagnostic error(Span span, String message) {
        Diagnostic d = Diagnostic.error(span, message);
        list.add(d);
        return d;
    }

    /** An error with rustc's code: {@code error[E0277]: message}. */
    public Diagnostic error(Span span, String code, String message) {
        Diagnostic d = Diagnostic.error(span, code, message);
        list.add(d);
        return d;
    }

    /** {@code error: unsupported: FEATURE} at the feature's span. */
    public void unsupported(Span span, String feature) {
        error(span, "unsupported: " + feature);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public int errorCount() {
        return (int) list.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    public List<Diagnostic> all() { return list; }

    /** All messages, then rustc's summary line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : list) sb.append(d.render()).append('\n');
        int n = errorCount();
        if (n > 0) sb.append("error: aborting due to ").append(n == 1 ? "1 previous error" : n + " previous errors").append('\n');
        return sb.toString();
    }
}
