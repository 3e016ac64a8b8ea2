package dev.rivet.emulator.unicorn;

/** The callback shapes Unicorn offers, as Java functional interfaces. */
public final class Hooks {
    private Hooks() {}

    /** Called before an instruction (code hook) or a basic block (block hook) executes. */
    @FunctionalInterface
    public interface Code {
        void onCode(long address, int size);
    }

    /** Called for CPU exceptions Unicorn does not handle itself (ARM BKPT/SVC, RISC-V ECALL). */
    @FunctionalInterface
    public interface Interrupt {
        void onInterrupt(int intno);
    }

    /** Called on an undefined instruction; return true if the hook dealt with it. */
    @FunctionalInterface
    public interface InvalidInstruction {
        boolean onInvalidInstruction();
    }

    /** Called on an unmapped or protection-violating access; return true if the hook mapped memory to fix it. */
    @FunctionalInterface
    public interface MemoryFault {
        boolean onFault(MemoryAccess access, long address, int size, long value);
    }

    /** Called on every successful memory access in the hook's range. */
    @FunctionalInterface
    public interface Memory {
        void onAccess(MemoryAccess access, long address, int size, long value);
    }

    /** A device behind a memory-mapped I/O range; offsets are relative to the range's start. */
    public interface Mmio {
        long read(long offset, int size);

        void write(long offset, int size, long value);
    }
}
