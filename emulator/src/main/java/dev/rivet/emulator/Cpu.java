package dev.rivet.emulator;

import dev.rivet.boards.Core;
import dev.rivet.emulator.unicorn.Unicorn;
import java.util.List;

/**
 * What the emulator must know about one instruction-set family: how to open Unicorn for a
 * core, where PC and SP live, how reset loads them, and which traps are semihosting calls.
 * Everything else in the emulator is the same for both ISAs.
 */
sealed interface Cpu permits ArmCortexM, Riscv32 {

    /** A trap's meaning: a semihosting request, or a fault. */
    sealed interface Trap {
        record Semihost() implements Trap {}

        record Fail(FaultKind kind, String detail) implements Trap {}
    }

    static Cpu of(Core core) {
        return switch (core.arch()) {
            case ARM -> new ArmCortexM(core);
            case RISCV32 -> new Riscv32(core);
        };
    }

    Unicorn open();

    int pcRegister();

    int spRegister();

    /** Where a call leaves its return address (LR, ra). */
    int linkRegister();

    /** Register holding the semihosting operation (and the result afterwards). */
    int semihostingOpRegister();

    /** Register holding the semihosting parameter. */
    int semihostingParamRegister();

    /** The address to pass to uc_emu_start to run from {@code pc} (Thumb sets bit 0). */
    long startAddress(long pc);

    /** Where execution resumes after a semihosting trap sequence found at {@code pc}. */
    long afterSemihosting(long pc);

    /**
     * Whether semihosting is handled inside the trap hook. ARM reports BKPT through the
     * interrupt hook, which may change PC and continue; RISC-V reports EBREAK as an invalid
     * instruction, after which the run must be stopped and restarted.
     */
    boolean semihostingInHook();

    /** The meaning of an interrupt-hook call with {@code intno} at {@code pc}. */
    Trap interrupt(Unicorn uc, int intno, long pc);

    /** The meaning of an invalid-instruction stop at {@code pc}. */
    Trap invalidInstruction(Unicorn uc, long pc);

    /** The register file, for fault reports. */
    List<String> registers(Unicorn uc);

    /**
     * Whether {@code code} (the first bytes of an instruction, little-endian) is a jump to its
     * own address, which executed twice can never end: {@code loop {}}.
     */
    boolean isBranchToSelf(byte[] code);
}
