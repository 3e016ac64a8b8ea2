package dev.rivet.emulator;

/** Observes every access to a peripheral register (for {@code --trace-mmio}). */
@FunctionalInterface
public interface MmioListener {
    void access(boolean write, long address, int size, long value);
}
