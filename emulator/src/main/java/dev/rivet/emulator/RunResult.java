package dev.rivet.emulator;

/** How a run ended. */
public sealed interface RunResult {
    /** Instructions executed in this run. */
    long instructions();

    /** The program exited through semihosting with {@code status}. */
    record Exited(int status, long instructions) implements RunResult {}

    /**
     * The program parked in an endless loop at {@code address} (a branch to itself, as
     * {@code loop {}} compiles to), which ends a firmware's run: status 0, or 101 when a panic
     * had begun (a {@code #[panic_handler]} that loops).
     */
    record Parked(long address, boolean panicking, long instructions) implements RunResult {}

    /** The run stopped on a fault. */
    record Faulted(Fault fault, long instructions) implements RunResult {}

    /** The process exit status for this result. */
    default int exitStatus() {
        return switch (this) {
            case Exited e -> e.status();
            case Parked p -> p.panicking() ? 101 : 0;
            case Faulted f -> f.fault().kind().exitStatus();
        };
    }
}
