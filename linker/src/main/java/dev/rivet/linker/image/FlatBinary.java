package dev.rivet.linker.image;

/**
 * A raw binary image, byte for byte what {@code objcopy -O binary} makes of the same ELF: the
 * loaded sections from the lowest load address to the end of the highest, gaps zero-filled.
 * Its first byte belongs at {@link LoadedBytes#start()}.
 */
public final class FlatBinary {
    private FlatBinary() {}

    /** Above this a flat image is almost certainly a mistake (sections in RAM and flash both loaded). */
    public static final long MAX_SPAN = 64L << 20;

    public static byte[] write(LoadedBytes bytes) {
        if (bytes.end() - bytes.start() > MAX_SPAN)
            throw new IllegalArgumentException(String.format(
                    "a flat binary would span 0x%08x..0x%08x (%d MiB of mostly gap); use the ELF or HEX image instead",
                    bytes.start(), bytes.end(), (bytes.end() - bytes.start()) >> 20));
        return bytes.flat((byte) 0);
    }
}
