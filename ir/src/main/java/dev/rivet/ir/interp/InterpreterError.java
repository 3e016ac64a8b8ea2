package dev.rivet.ir.interp;

/** The interpreted program did something it must not (bad access, undefined function, hang). */
public final class InterpreterError extends RuntimeException {
    public InterpreterError(String message) {
        super(message);
    }
}
