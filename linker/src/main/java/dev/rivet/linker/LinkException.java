package dev.rivet.linker;

/** A link error: undefined or duplicate symbols, overflowing regions, relocations out of range, script errors. */
public final class LinkException extends RuntimeException {
    public LinkException(String message) {
        super(message);
    }
}
