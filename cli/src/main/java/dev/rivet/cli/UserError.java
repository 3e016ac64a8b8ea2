package dev.rivet.cli;

/** A failure caused by the user's input or environment; its message is printed as is, exit status 1. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
