package dev.rivet.linker.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * USB Flashing Format (Microsoft's UF2 specification): 512-byte blocks, each carrying 256
 * bytes for a 256-byte-aligned flash address, with the board's family id so that a bootloader
 * ignores images for other chips. Only pages that hold loaded bytes are written; bytes of a
 * page outside any section are zero, as uf2conv does.
 */
public final class Uf2 {
    static final int MAGIC_START0 = 0x0A324655, MAGIC_START1 = 0x9E5D5157, MAGIC_END = 0x0AB16F30;
    static final int FLAG_FAMILY_ID_PRESENT = 0x00002000;
    static final int PAGE = 256, BLOCK = 512;

    private Uf2() {}

    public static byte[] write(LoadedBytes bytes, long familyId) {
        TreeMap<Long, byte[]> pages = new TreeMap<>();
        for (LoadedBytes.Chunk c : bytes.chunks()) {
            for (long a = c.address(); a < c.end(); ) {
                long page = a & -PAGE;
                int n = (int) Math.min(page + PAGE - a, c.end() - a);
                System.arraycopy(c.data(), (int) (a - c.address()), pages.computeIfAbsent(page, p -> new byte[PAGE]), (int) (a - page), n);
                a += n;
            }
        }
        List<Long> addresses = new ArrayList<>(pages.keySet());
        ByteBuffer out = ByteBuffer.allocate(addresses.size() * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < addresses.size(); k++) {
            int base = k * BLOCK;
            out.putInt(base, MAGIC_START0).putInt(base + 4, MAGIC_START1).putInt(base + 8, FLAG_FAMILY_ID_PRESENT)
                    .putInt(base + 12, (int) (long) addresses.get(k)).putInt(base + 16, PAGE).putInt(base + 20, k)
                    .putInt(base + 24, addresses.size()).putInt(base + 28, (int) familyId);
            out.put(base + 32, pages.get(addresses.get(k)));
            out.putInt(base + BLOCK - 4, MAGIC_END);
        }
        return out.array();
    }
}
