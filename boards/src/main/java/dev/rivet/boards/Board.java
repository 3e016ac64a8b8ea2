package dev.rivet.boards;

import dev.rivet.ir.TargetTriple;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real board (or a generic virtual machine): its chip, memory map, peripheral ranges, console,
 * LED, boot rule, flashing path and the image files it wants.
 */
public record Board(
        String name,
        String description,
        Chip chip,
        List<MemoryRegion> memory,
        List<PeripheralRange> peripherals,
        Console console,
        Optional<Led> led,
        Boot boot,
        Flashing flashing,
        List<ImageFormat> images) {

    public Board {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(chip, "[chip] is required");
        Objects.requireNonNull(console, "[console] is required");
        Objects.requireNonNull(boot, "[boot] is required");
        Objects.requireNonNull(flashing, "[flashing] is required");
        if (description == null) description = "";
        memory = memory == null ? List.of() : List.copyOf(memory);
        peripherals = peripherals == null ? List.of() : List.copyOf(peripherals);
        if (led == null) led = Optional.empty();
        images = images == null ? List.of() : List.copyOf(images);
    }

    public TargetTriple target() { return chip.target(); }

    public Core core() { return chip.core(); }

    public Optional<MemoryRegion> region(String regionName) {
        return memory.stream().filter(r -> r.name().equals(regionName)).findFirst();
    }

    /** Flash capacity in bytes, counting each physical memory once. */
    public long flashSize() { return capacity(MemoryRegion.Kind.FLASH); }

    /** RAM capacity in bytes, counting each physical memory once. */
    public long ramSize() { return capacity(MemoryRegion.Kind.RAM); }

    private long capacity(MemoryRegion.Kind kind) {
        return memory.stream().filter(r -> r.kind() == kind && r.isStorage()).mapToLong(MemoryRegion::length).sum();
    }

    /** The region (or alias) containing {@code address}, if any. */
    public Optional<MemoryRegion> regionAt(long address) {
        for (MemoryRegion r : memory) {
            if (r.contains(address)) return Optional.of(r);
            for (long alias : r.aliases())
                if (address >= alias && address < alias + r.length()) return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * The address the linker gave the bytes seen at {@code address}: inside an alias (flash
     * mirrored at 0, where some cores run from) it is the same offset in the region itself.
     */
    public long linkAddress(long address) {
        for (MemoryRegion r : memory)
            for (long alias : r.aliases())
                if (address >= alias && address < alias + r.length() && !r.contains(address)) return r.origin() + (address - alias);
        return address;
    }

    /** True for the generic {@code virt-<target>} machines that exist only in the emulator. */
    public boolean isVirtual() { return name.startsWith(BoardRegistry.VIRT_PREFIX); }
}
