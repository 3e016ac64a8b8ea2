package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One region of a chip's address space that holds memory (not peripherals).
 *
 * @param name       the name linker scripts use ({@code FLASH}, {@code RAM}, ...)
 * @param kind       what the memory is: decides how the emulator maps it and how capacity is counted
 * @param origin     first address
 * @param length     size in bytes ("64K" and "1M" are accepted in board files)
 * @param attributes GNU ld attribute letters ({@code rx}, {@code rwx}, ...)
 * @param aliases    other addresses where the same bytes also appear (e.g. flash mirrored at 0)
 * @param viewOf     name of the region whose storage this region is another window onto;
 *                   such a region adds no capacity
 */
public record MemoryRegion(
        String name,
        Kind kind,
        long origin,
        @JsonDeserialize(using = SizeDeserializer.class) long length,
        String attributes,
        List<Long> aliases,
        Optional<String> viewOf) {

    /** What a region is physically. */
    public enum Kind {
        FLASH, RAM, ROM;

        @JsonValue
        public String id() { return name().toLowerCase(); }
    }

    public MemoryRegion {
        Objects.requireNonNull(name, "memory.name is required");
        Objects.requireNonNull(kind, "memory.kind is required (flash, ram or rom)");
        if (length <= 0) throw new IllegalArgumentException("memory region " + name + ": length must be positive");
        if (origin < 0 || origin + length > 0x1_0000_0000L)
            throw new IllegalArgumentException("memory region " + name + " does not fit in the 32-bit address space");
        if (attributes == null) attributes = kind == Kind.RAM ? "rwx" : "rx";
        if (!attributes.matches("!?[rwxail]+"))
            throw new IllegalArgumentException("memory region " + name + ": bad attributes '" + attributes + "'");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (viewOf == null) viewOf = Optional.empty();
    }

    /** One past the last address. */
    public long end() { return origin + length; }

    public boolean contains(long address) { return address >= origin && address < end(); }

    /** True if the region is its own storage (counts towards the board's capacity). */
    public boolean isStorage() { return viewOf.isEmpty(); }
}
