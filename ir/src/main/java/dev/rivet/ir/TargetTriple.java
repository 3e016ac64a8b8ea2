package dev.rivet.ir;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The target triples rivet compiles for, with the instruction-set facts every stage needs.
 *
 * <p>This lives in the lowest module because the front end (data layout), both back ends
 * (instruction selection), the linker (relocation flavour), the board database and the
 * emulator all need the same facts; none of them may depend on another to learn them.
 */
public enum TargetTriple {
    THUMBV6M("thumbv6m-none-eabi", Arch.ARM, Feature.MUL),
    THUMBV7M("thumbv7m-none-eabi", Arch.ARM, Feature.MUL, Feature.DIV, Feature.THUMB2),
    THUMBV7EM("thumbv7em-none-eabi", Arch.ARM, Feature.MUL, Feature.DIV, Feature.THUMB2, Feature.DSP),
    RISCV32I("riscv32i-unknown-none-elf", Arch.RISCV32),
    RISCV32IMC("riscv32imc-unknown-none-elf", Arch.RISCV32, Feature.MUL, Feature.DIV, Feature.COMPRESSED),
    RISCV32IMAC("riscv32imac-unknown-none-elf", Arch.RISCV32,
            Feature.MUL, Feature.DIV, Feature.ATOMICS, Feature.COMPRESSED),
    RISCV32EC("riscv32ec-unknown-none-elf", Arch.RISCV32, Feature.COMPRESSED, Feature.REDUCED_REGS);

    /** Instruction-set family: decides which back end, relocation set and ELF machine. */
    public enum Arch { ARM, RISCV32 }

    /** Optional instruction-set features a target has. */
    public enum Feature {
        /** Hardware 32-bit multiply (ARMv6-M has MULS; RISC-V needs M). */
        MUL,
        /** Hardware divide (UDIV/SDIV on ARMv7-M, DIV/REM with RISC-V M). */
        DIV,
        /** 32-bit Thumb-2 encodings beyond BL: IT, CBZ, MOVW/MOVT, wide loads and stores. */
        THUMB2,
        /** ARMv7E-M DSP extension. */
        DSP,
        /** RISC-V A extension. */
        ATOMICS,
        /** RISC-V C extension (16-bit encodings). */
        COMPRESSED,
        /** RV32E: only x0..x15 exist. */
        REDUCED_REGS
    }

    private final String triple;
    private final Arch arch;
    private final List<Feature> features;

    TargetTriple(String triple, Arch arch, Feature... features) {
        this.triple = triple;
        this.arch = arch;
        this.features = List.of(features);
    }

    public String triple() { return triple; }

    public Arch arch() { return arch; }

    public boolean has(Feature f) { return features.contains(f); }

    public List<Feature> features() { return features; }

    /** Looks a target up by its Rust-style triple. */
    public static Optional<TargetTriple> byTriple(String triple) {
        return Arrays.stream(values()).filter(t -> t.triple.equals(triple)).findFirst();
    }

    /** All triples, in declaration order, for error messages and help text. */
    public static List<String> triples() {
        return Arrays.stream(values()).map(TargetTriple::triple).toList();
    }

    @Override
    public String toString() { return triple; }
}
