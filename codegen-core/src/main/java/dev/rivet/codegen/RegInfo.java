package dev.rivet.codegen;

import java.util.List;

/**
 * What the register allocator must know about an ISA: which registers it may hand out, in order
 * of preference (registers with short encodings first), which survive calls, and how to make
 * the moves, spills and reloads it inserts.
 */
public interface RegInfo {
    /** Allocatable registers, best first. */
    List<Integer> allocatable();

    /**
     * The order to try registers in, given the callee-saved ones the function already uses
     * (whose save is paid for): {@link #allocatable} unless the ISA knows better.
     */
    default List<Integer> preference(java.util.Set<Integer> calleeSavedInUse) { return allocatable(); }

    /** Registers a call preserves (the callee saves them if it uses them). */
    boolean isCalleeSaved(int reg);

    /** dst = src. */
    MInst move(Reg dst, Reg src);

    /** Stores {@code src} (4 bytes) to a stack object. */
    MInst spill(Reg src, StackObject slot);

    /** Loads {@code dst} (4 bytes) from a stack object. */
    MInst reload(Reg dst, StackObject slot);

    /** The register's name in listings ("r4", "a0"). */
    String name(int reg);
}
