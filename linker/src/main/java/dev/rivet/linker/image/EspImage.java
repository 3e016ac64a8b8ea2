package dev.rivet.linker.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The image the ESP32-C3 ROM loader boots (esptool's "firmware image format"): an 8-byte
 * header (magic 0xE9, segment count, SPI mode, flash size and frequency, entry point), a
 * 16-byte extended header (chip id, revisions, "hash appended"), then each segment as load
 * address, length and bytes (a multiple of 4). Zero padding up to one byte before a multiple
 * of 16, the checksum (0xEF xor every segment byte), and the SHA-256 of all that.
 */
public final class EspImage {
    public static final int MAGIC = 0xE9, CHECKSUM_SEED = 0xEF;
    /** Chip ids of the extended header (esptool's IMAGE_CHIP_ID). */
    public static final int CHIP_ID_ESP32C3 = 5;
    static final int SPI_MODE_DIO = 2, FLASH_FREQ_80M = 0xF;

    private EspImage() {}

    /**
     * @param flashBytes the board's flash size (the header's size code: 1, 2, 4, 8 or 16 MiB)
     * @param chipId     the extended header's chip id
     */
    public static byte[] write(LoadedBytes bytes, long entry, long flashBytes, int chipId) {
        List<LoadedBytes.Chunk> segments = mergeAdjacent(bytes.chunks());
        if (segments.size() > 16) throw new IllegalArgumentException("the ESP ROM loads at most 16 segments; this image has " + segments.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) MAGIC).put((byte) segments.size()).put((byte) SPI_MODE_DIO)
                .put((byte) (sizeCode(flashBytes) << 4 | FLASH_FREQ_80M)).putInt((int) entry);
        header.put((byte) 0xEE); // WP pin: not set through efuse
        header.put(new byte[3]); // SPI pin drive strengths: defaults
        header.putShort((short) chipId).put((byte) 0); // min revision (deprecated byte)
        header.putShort((short) 0).putShort((short) 0xFFFF); // min and max full revision: any
        header.put(new byte[4]).put((byte) 1); // reserved; SHA-256 appended
        out.writeBytes(header.array());
        int checksum = CHECKSUM_SEED;
        for (LoadedBytes.Chunk s : segments) {
            byte[] data = java.util.Arrays.copyOf(s.data(), (s.data().length + 3) & ~3);
            ByteBuffer seg = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) s.address()).putInt(data.length);
            out.writeBytes(seg.array());
            out.writeBytes(data);
            for (byte b : data) checksum ^= b & 0xFF;
        }
        while (out.size() % 16 != 15) out.write(0);
        out.write(checksum);
        out.writeBytes(sha256(out.toByteArray()));
        return out.toByteArray();
    }

    /** Sections that follow one another without a gap load as one segment. */
    private static List<LoadedBytes.Chunk> mergeAdjacent(List<LoadedBytes.Chunk> chunks) {
        List<LoadedBytes.Chunk> out = new ArrayList<>();
        for (LoadedBytes.Chunk c : chunks) {
            if (!out.isEmpty() && out.getLast().end() == c.address()) {
                LoadedBytes.Chunk last = out.removeLast();
                byte[] joined = java.util.Arrays.copyOf(last.data(), last.data().length + c.data().length);
                System.arraycopy(c.data(), 0, joined, last.data().length, c.data().length);
                out.add(new LoadedBytes.Chunk(last.address(), joined));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    static int sizeCode(long flashBytes) {
        return switch ((int) (flashBytes >> 20)) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            case 8 -> 3;
            case 16 -> 4;
            default -> throw new IllegalArgumentException("no ESP flash size code for " + flashBytes + " bytes");
        };
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
