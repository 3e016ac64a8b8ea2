package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.rivet.ir.TargetTriple;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A processor core, as named in board files; it fixes the ISA and the default target. */
public enum Core {
    CORTEX_M0("cortex-m0", TargetTriple.THUMBV6M),
    CORTEX_M0PLUS("cortex-m0plus", TargetTriple.THUMBV6M),
    CORTEX_M3("cortex-m3", TargetTriple.THUMBV7M),
    CORTEX_M4("cortex-m4", TargetTriple.THUMBV7EM),
    CORTEX_M4F("cortex-m4f", TargetTriple.THUMBV7EM),
    CORTEX_M33("cortex-m33", TargetTriple.THUMBV7EM),
    RV32I("rv32i", TargetTriple.RISCV32I),
    RV32IMC("rv32imc", TargetTriple.RISCV32IMC),
    RV32IMAC("rv32imac", TargetTriple.RISCV32IMAC),
    RV32EC("rv32ec", TargetTriple.RISCV32EC);

    private final String id;
    private final TargetTriple defaultTarget;

    Core(String id, TargetTriple defaultTarget) {
        this.id = id;
        this.defaultTarget = defaultTarget;
    }

    @JsonValue
    public String id() { return id; }

    /** The target a program for this core is compiled for unless the board says otherwise. */
    public TargetTriple defaultTarget() { return defaultTarget; }

    public TargetTriple.Arch arch() { return defaultTarget.arch(); }

    /** The core a generic {@code virt-<target>} machine emulates for {@code target}. */
    public static Core forVirt(TargetTriple target) {
        return switch (target) {
            case THUMBV6M -> CORTEX_M0PLUS;
            case THUMBV7M -> CORTEX_M3;
            case THUMBV7EM -> CORTEX_M4F;
            case RISCV32I -> RV32I;
            case RISCV32IMC -> RV32IMC;
            case RISCV32IMAC -> RV32IMAC;
            case RISCV32EC -> RV32EC;
        };
    }

    @JsonCreator
    public static Core of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown core '" + id + "' (known: "
                        + Arrays.stream(values()).map(Core::id).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() { return id; }
}
