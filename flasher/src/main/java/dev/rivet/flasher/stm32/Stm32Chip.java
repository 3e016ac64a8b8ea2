package dev.rivet.flasher.stm32;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the flasher and the simulator know about a chip behind the AN3155 bootloader: its
 * product id, flash size and the erase units (pages or sectors) from the start of flash, and
 * the bootloader version it reports. Facts from stm32flash's device table and ST's reference
 * manuals (RM0008 for the F1, RM0383 for the F411).
 */
public record Stm32Chip(int productId, String name, long flashBase, long flashSize, List<Long> eraseUnits, int bootloaderVersion,
                        boolean extendedErase, long ramBase, long ramSize, long ramReserved) {
    public static final long FLASH_BASE = 0x0800_0000L;

    public static final List<Stm32Chip> KNOWN = List.of(
            uniform(0x410, "STM32F10x medium-density", 128 * 1024, 1024, 0x22, false, 20 * 1024, 0x200),
            new Stm32Chip(0x431, "STM32F411xC/E", FLASH_BASE, 512 * 1024,
                    List.of(16384L, 16384L, 16384L, 16384L, 65536L, 131072L, 131072L, 131072L), 0x31, true, 0x2000_0000L, 128 * 1024, 0x3000));

    private static Stm32Chip uniform(int pid, String name, long size, long page, int version, boolean ext, long ram, long reserved) {
        List<Long> units = new ArrayList<>();
        for (long a = 0; a < size; a += page) units.add(page);
        return new Stm32Chip(pid, name, FLASH_BASE, size, List.copyOf(units), version, ext, 0x2000_0000L, ram, reserved);
    }

    public static Optional<Stm32Chip> byProductId(int pid) {
        return KNOWN.stream().filter(c -> c.productId() == pid).findFirst();
    }

    /** Indexes of the erase units that hold any byte of [from, to). */
    public List<Integer> unitsCovering(long from, long to) {
        List<Integer> out = new ArrayList<>();
        long start = flashBase;
        for (int k = 0; k < eraseUnits.size(); k++) {
            long end = start + eraseUnits.get(k);
            if (start < to && from < end) out.add(k);
            start = end;
        }
        return out;
    }

    /** The address range of erase unit {@code k}. */
    public long[] unit(int k) {
        long start = flashBase;
        for (int i = 0; i < k; i++) start += eraseUnits.get(i);
        return new long[] {start, start + eraseUnits.get(k)};
    }
}
