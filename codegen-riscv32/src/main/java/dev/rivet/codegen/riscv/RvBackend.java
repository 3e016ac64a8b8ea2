package dev.rivet.codegen.riscv;

import dev.rivet.codegen.Backend;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.ObjectFile;

/** The RV32 back end: RV32I, RV32IMC, RV32IMAC and RV32EC. */
public final class RvBackend implements Backend {
    static final int R_RISCV_32 = 1;

    private final RvIsel isel;
    private final RvEmitter emitter;
    private final RvSharedSaves sharedSaves;

    public RvBackend(TargetTriple target) {
        if (target.arch() != TargetTriple.Arch.RISCV32) throw new IllegalArgumentException(target + " is not a RISC-V target");
        this.isel = new RvIsel(target);
        this.emitter = new RvEmitter(isel.compressed, isel.conventions().stackAlign());
        this.sharedSaves = new RvSharedSaves(emitter, isel.compressed);
    }

    @Override public Isa isa() { return isel; }

    @Override public void plan(java.util.List<MFunction> functions) { sharedSaves.plan(functions); }

    @Override public java.util.List<Routine> routines() { return sharedSaves.routines(); }

    @Override public Assembler.Result emit(MFunction f) { return emitter.emit(f); }

    @Override public ObjectFile.Machine machine() { return ObjectFile.Machine.RISCV; }

    @Override public int dataRelocType() { return R_RISCV_32; }

    @Override public int functionAlign() { return isel.compressed ? 2 : 4; }

    @Override public dev.rivet.codegen.asm.Disassembler disassembler() { return new RvDisassembler(); }
}
