package dev.rivet.codegen;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.linker.ObjectFile;

/** One instruction set's part of code generation; {@link CodeGenerator} drives the shared rest. */
public interface Backend {
    /** Instruction selection, registers and calling convention. */
    Isa isa();

    /**
     * Sees every allocated function the program may run before any is emitted, for choices that
     * pay off only across functions (shared prologue routines).
     */
    default void plan(java.util.List<MFunction> functions) { }

    /** Code the back end adds to the object after the program's functions: routines {@link #plan} chose to share. */
    default java.util.List<Routine> routines() { return java.util.List.of(); }

    /** A routine of the back end's own, local to the object. */
    record Routine(String name, Assembler.Result code) {}

    /** Lays out the frame of an allocated function and encodes it, prologue and epilogues included. */
    Assembler.Result emit(MFunction f);

    ObjectFile.Machine machine();

    /** The relocation type of a 32-bit absolute address in data (R_ARM_ABS32, R_RISCV_32). */
    int dataRelocType();

    /** Smallest alignment of a function's start. */
    int functionAlign();

    /** Machine code back to text, for listings. */
    dev.rivet.codegen.asm.Disassembler disassembler();
}
