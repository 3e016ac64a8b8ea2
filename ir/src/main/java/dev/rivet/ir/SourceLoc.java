package dev.rivet.ir;

/**
 * Where in the source an instruction comes from, carried from the front end through
 * instruction selection into the object's line table (fault reports, listings, debuggers).
 * The IR's text form does not print it.
 */
public record SourceLoc(String file, int line, int column) {
    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
