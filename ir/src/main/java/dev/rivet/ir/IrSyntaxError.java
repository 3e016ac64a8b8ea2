package dev.rivet.ir;

/** Malformed IR text; the message starts with line:column. */
public final class IrSyntaxError extends RuntimeException {
    public IrSyntaxError(int line, int column, String message) {
        super(line + ":" + column + ": " + message);
    }
}
