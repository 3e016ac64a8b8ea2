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

    /**
     * The local symbol a code generator puts at {@code offset} of {@code function} for
     * relocations within it (branch targets a relaxing linker must follow), named as
     * assemblers name local labels, so that linkers leave it out of executables.
     */
    public static String localLabel(String function, long offset) { return ".L" + function + "$" + offset; }

    /** An assembler's local label (".L…"): not a function or object of its own. */
    public static boolean isLocalLabel(String name) { return name != null && name.startsWith(".L"); }

    public static Symbol undefined(String name) {
        return new Symbol(name, null, 0, 0, true, false, false);
    }
}
