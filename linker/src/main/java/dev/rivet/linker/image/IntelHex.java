package dev.rivet.linker.image;

import java.nio.charset.StandardCharsets;

/**
 * Intel HEX as {@code objcopy -O ihex} writes it: 16 data bytes per record; below 1 MiB the
 * 8086 segment form (type 02 records, a type 03 start address), above it the linear form
 * (type 04 records, a type 05 start address); records never cross a 64 KiB boundary; then
 * the end-of-file record.
 */
public final class IntelHex {
    private static final int PER_RECORD = 16;
    private static final long SEGMENTED_LIMIT = 0xFFFFF;

    private IntelHex() {}

    public static byte[] write(LoadedBytes bytes, long entry) {
        StringBuilder out = new StringBuilder();
        long base = 0; // what the last 02 or 04 record added to record offsets
        for (LoadedBytes.Chunk c : bytes.chunks()) {
            int at = 0;
            while (at < c.data().length) {
                long address = c.address() + at;
                if (address < base || address > base + 0xFFFF) {
                    base = address & ~0xFFFFL;
                    if (address <= SEGMENTED_LIMIT) record(out, 0, 2, new byte[] {(byte) (base >> 12), 0});
                    else record(out, 0, 4, new byte[] {(byte) (base >> 24), (byte) (base >> 16)});
                }
                int room = (int) (base + 0x10000 - address);
                int n = Math.min(Math.min(PER_RECORD, c.data().length - at), room);
                byte[] data = new byte[n];
                System.arraycopy(c.data(), at, data, 0, n);
                record(out, (int) (address - base), 0, data);
                at += n;
            }
        }
        if (entry != 0 && entry <= SEGMENTED_LIMIT)
            record(out, 0, 3, new byte[] {(byte) (entry >> 12 & 0xF0), 0, (byte) (entry >> 8), (byte) entry});
        else if (entry != 0)
            record(out, 0, 5, new byte[] {(byte) (entry >> 24), (byte) (entry >> 16), (byte) (entry >> 8), (byte) entry});
        record(out, 0, 1, new byte[0]);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
    private static void record(StringBuilder out, int offset, int type, byte[] data) {
        int sum = data.length + (offset >> 8) + (offset & 0xFF) + type;
        out.append(':').append(hex(data.length)).append(hex(offset >> 8)).append(hex(offset & 0xFF)).append(hex(type));
        for (byte b : data) {
            out.append(hex(b & 0xFF));
            sum += b & 0xFF;
        }
        out.append(hex(-sum & 0xFF)).append("\r\n");
    }

    private static String hex(int b) {
        return String.format("%02X", b & 0xFF);
    }
}
