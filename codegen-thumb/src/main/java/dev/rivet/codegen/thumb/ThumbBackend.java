package dev.rivet.codegen.thumb;

import dev.rivet.codegen.Backend;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.ObjectFile;

/** The Thumb back end for thumbv6m (Cortex-M0/M0+), thumbv7m (M3) and thumbv7em (M4). */
public final class ThumbBackend implements Backend {
    private final ThumbIsel isel;
    private final ThumbEmitter emitter;

    public ThumbBackend(TargetTriple target) {
        if (target.arch() != TargetTriple.Arch.ARM) throw new IllegalArgumentException(target + " is not a Thumb target");
        this.isel = new ThumbIsel(target);
        this.emitter = new ThumbEmitter(isel.thumb2);
    }

    @Override public Isa isa() { return isel; }

    @Override public Assembler.Result emit(MFunction f) { return emitter.emit(f); }

    @Override public ObjectFile.Machine machine() { return ObjectFile.Machine.ARM; }

    @Override public int dataRelocType() { return LiteralPool.R_ARM_ABS32; }

    @Override public int functionAlign() { return 2; }

    @Override public dev.rivet.codegen.asm.Disassembler disassembler() { return new ThumbDisassembler(); }
}
