package dev.rivet.linker;

/**
 * A symbol of a relocatable object. Undefined symbols (section null) are what the object needs
 * from others.
 *
 * @param value offset in the section
 * @param function code (Thumb function symbols get bit 0 set when the linker resolves them)
 */
public record Symbol(String name, Section section, long value, long size, boolean global, boolean function, boolean weak) {
    public boolean defined() { return section != null; }

    public static Symbol undefined(String name) {
        return new Symbol(name, null, 0, 0, true, false, false);
    }
}
