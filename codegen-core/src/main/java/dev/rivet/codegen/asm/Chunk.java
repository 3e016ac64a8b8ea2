package dev.rivet.codegen.asm;

/**
 * One piece of a function's code while it is laid out: an instruction (possibly with several
 * encodings of different sizes, chosen by how far its target is), a literal, or padding.
 * Branch relaxation starts every chunk in its shortest form and grows only those whose target
 * is out of reach, until nothing changes.
 */
public interface Chunk {
    /** Size in bytes in the current form. */
    int size();

    /** Alignment this chunk needs (the assembler pads before it). */
    default int align() { return 1; }

    /** Alignment the function's start needs for this chunk (more than {@link #align} where a linker aligns the chunk later). */
    default int sectionAlign() { return align(); }

    /** The label this chunk's encoding depends on, or null. */
    default Label target() { return null; }

    /** Whether the current form reaches {@code target} from {@code at} (both byte offsets). */
    default boolean reaches(long at, long target) { return true; }

    /** The labels the encoding depends on: {@link #target}, or several for a jump table. */
    default java.util.List<Label> targets() { return target() == null ? java.util.List.of() : java.util.List.of(target()); }

    /** Whether the current form reaches every target from {@code at}, given where the labels are. */
    default boolean reachesAll(long at, java.util.Map<Label, Integer> labels) {
        for (Label l : targets()) if (!reaches(at, labels.get(l))) return false;
        return true;
    }

    /** Switches to the next larger form; false when there is none. */
    default boolean grow() { return false; }

    /** Data (a literal) rather than an instruction: disassemblers are told where these start. */
    default boolean isData() { return false; }

    /** Writes the final bytes. */
    void encode(Assembler.Output out);
}
