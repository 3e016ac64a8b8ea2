package dev.rivet.emulator;

/**
 * Why a run ended without the program exiting. Each kind has its own process exit status, so
 * that CI logs and scripts can tell them apart; none of them is 0, 1, 2 or 101, which rivet
 * uses for success, compile errors, usage errors and panics.
 */
public enum FaultKind {
    /** A load or store to unmapped memory, or one the memory does not allow (a store to flash). */
    BAD_ACCESS(3, "bad memory access"),
    /** The PC left flash and RAM. */
    BAD_FETCH(4, "execution outside memory"),
    /** An instruction the core does not implement. */
    UNDEFINED_INSTRUCTION(5, "undefined instruction"),
    /** A breakpoint or system call that is not semihosting: BKPT, SVC, EBREAK, ECALL. */
    TRAP(6, "trap"),
    /** A semihosting call rivet does not implement, or one with bad arguments. */
    SEMIHOSTING(7, "unsupported semihosting call"),
    /** Any other exception the CPU raised. */
    CPU_EXCEPTION(8, "CPU exception"),
    /** The instruction budget ran out: the program hung or needs --max-insns. */
    BUDGET_EXHAUSTED(124, "instruction budget exhausted");

    private final int exitStatus;
    private final String title;

    FaultKind(int exitStatus, String title) {
        this.exitStatus = exitStatus;
        this.title = title;
    }

    /** The process exit status `rivet run` uses for this kind. */
    public int exitStatus() { return exitStatus; }

    public String title() { return title; }
}
