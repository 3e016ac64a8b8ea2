package dev.rivet.linker.script;

/** A position in a linker script, for error messages. */
public record Pos(String file, int line, int column) {
    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
