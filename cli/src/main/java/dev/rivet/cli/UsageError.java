package dev.rivet.cli;

/** A bad command line that picocli cannot detect itself (an unknown board name); exit status 2. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
