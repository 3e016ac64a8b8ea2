package dev.rivet.codegen.asm;

/** A position in code, bound once; identity is the object. */
public final class Label {
    private final String name;

    public Label(String name) {
        this.name = name;
    }

    @Override
    public String toString() { return name; }
}
