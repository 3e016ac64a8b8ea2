package dev.rivet.boards;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Objects;

/**
 * An address range holding memory-mapped registers. The emulator maps it as a device whose
 * registers remember what was written, so firmware set-up code runs without faulting.
 */
public record PeripheralRange(String name, long origin, @JsonDeserialize(using = SizeDeserializer.class) long length) {
    public PeripheralRange {
        Objects.requireNonNull(name, "peripherals.name is required");
        if (length <= 0 || origin < 0 || origin + length > 0x1_0000_0000L)
            throw new IllegalArgumentException("peripheral range " + name + " does not fit in the 32-bit address space");
    }

    public long end() { return origin + length; }

    public boolean contains(long address) { return address >= origin && address < end(); }
}
