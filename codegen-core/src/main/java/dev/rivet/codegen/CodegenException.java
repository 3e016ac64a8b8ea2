package dev.rivet.codegen;

import dev.rivet.ir.SourceLoc;

/**
 * A program the back end cannot compile (an intrinsic used outside its rules): the command
 * reports it as an error at the source location, never as a crash or as guessed code.
 */
public final class CodegenException extends RuntimeException {
    public CodegenException(String message, SourceLoc at) {
        super("error: unsupported: " + message + (at == null ? "" : "\n --> " + at));
    }
}
