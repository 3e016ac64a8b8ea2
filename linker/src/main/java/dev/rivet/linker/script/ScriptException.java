package dev.rivet.linker.script;

/** A linker-script error, reported at file:line:col. */
public final class ScriptException extends RuntimeException {
    public final Pos pos;

    public ScriptException(Pos pos, String message) {
        super(pos + ": " + message);
        this.pos = pos;
    }
}
