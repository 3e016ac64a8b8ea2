package dev.rivet.emulator;

/** How a run ended. */
public sealed interface RunResult {
    /** Instructions executed in this run. */
    long instructions();

    /** The program exited through semihosting with {@code status}. */
    record Exited(int status, long instructions) implements RunResult {}

    /** The run stopped on a fault. */
    record Faulted(Fault fault, long instructions) implements RunResult {}

    /** The process exit status for this result. */
    default int exitStatus() {
        return switch (this) {
            case Exited e -> e.status();
            case Faulted f -> f.fault().kind().exitStatus();
        };
    }
}
