package dev.rivet.linker;

/** A section of an input object as the linker tracks it: live or not, and where it went. */
final class InputSection {
    final ObjectFile object;
    final Section section;
    /** Reached from a root (always true without --gc-sections). */
    boolean live;
    /** Matched by a /DISCARD/ rule. */
    boolean discarded;
    /** The output section it was assigned to, by name; null until matched. */
    String output;
    /** Its address once laid out. */
    long address = -1;

    InputSection(ObjectFile object, Section section) {
        this.object = object;
        this.section = section;
    }

    String name() { return section.name; }

    @Override
    public String toString() { return object.name + "(" + section.name + ")"; }
}
