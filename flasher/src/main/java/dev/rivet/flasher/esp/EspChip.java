package dev.rivet.flasher.esp;

import java.util.List;
import java.util.Optional;

/**
 * An Espressif chip as its ROM loader presents it: the value of the chip-detect register
 * 0x40001000 (esptool's CHIP_DETECT_MAGIC_VALUE; one per silicon revision) and the flash the
 * simulator gives it.
 */
public record EspChip(String name, List<Long> magic, long flashSize) {
    public static final EspChip ESP32_C3 = new EspChip("ESP32-C3", List.of(0x6921506FL, 0x1B31506FL, 0x4881606FL, 0x4361606FL), 4L << 20);
    public static final EspChip ESP32 = new EspChip("ESP32", List.of(0x00F01D83L), 4L << 20);
    public static final EspChip ESP32_S2 = new EspChip("ESP32-S2", List.of(0x000007C6L), 4L << 20);

    public static final List<EspChip> KNOWN = List.of(ESP32_C3, ESP32, ESP32_S2);

    /** The simulator's register value: the first revision's. */
    public long magicValue() { return magic.getFirst(); }

    public static Optional<EspChip> byMagic(long value) {
        return KNOWN.stream().filter(c -> c.magic().contains(value)).findFirst();
    }

    public static Optional<EspChip> byName(String name) {
        String n = name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return KNOWN.stream().filter(c -> c.name().replace("-", "").toLowerCase(java.util.Locale.ROOT).equals(n)).findFirst();
    }
}
