package dev.rivet.boards;

/**
 * A condition on a peripheral register: {@code (read(base + offset) & mask) == value}.
 * Used for "the transmitter can take a byte" and "the byte has gone" polls.
 */
public record RegisterCondition(long offset, long mask, long value) {
    public RegisterCondition {
        if ((offset & 3) != 0) throw new IllegalArgumentException("register offset must be word-aligned");
        if ((value & ~mask) != 0) throw new IllegalArgumentException("value has bits outside mask");
    }

    public boolean holds(long registerValue) { return (registerValue & mask) == value; }
}
