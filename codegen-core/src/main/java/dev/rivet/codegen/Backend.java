package dev.rivet.codegen;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.linker.ObjectFile;

/** One instruction set's part of code generation; {@link CodeGenerator} drives the shared rest. */
public interface Backend {
    /** Instruction selection, registers and calling convention. */
    Isa isa();

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
