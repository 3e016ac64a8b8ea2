package dev.rivet.linker.image;

import dev.rivet.linker.LinkedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bytes a programmer writes into the device: every loaded output section at its load
 * address (LMA), in address order. The image formats are views of this.
 */
public record LoadedBytes(List<Chunk> chunks) {
    /** Bytes at a load address. */
    public record Chunk(long address, byte[] data) {
        public long end() { return address + data.length; }
    }

    public static LoadedBytes of(LinkedImage image) {
        List<Chunk> chunks = new ArrayList<>();
        for (LinkedImage.OutputSection s : image.sections())
            if (s.loaded()) chunks.add(new Chunk(s.lma(), s.data()));
        chunks.sort(Comparator.comparingLong(Chunk::address));
        for (int k = 1; k < chunks.size(); k++)
            if (chunks.get(k).address() < chunks.get(k - 1).end())
                throw new IllegalArgumentException(String.format("loaded sections overlap at 0x%08x", chunks.get(k).address()));
        return new LoadedBytes(List.copyOf(chunks));
    }

    public boolean isEmpty() { return chunks.isEmpty(); }

    public long start() { return chunks.isEmpty() ? 0 : chunks.getFirst().address(); }

    public long end() { return chunks.isEmpty() ? 0 : chunks.getLast().end(); }

    /** One contiguous run from the lowest to the highest loaded byte, gaps filled with {@code fill}. */
    public byte[] flat(byte fill) {
        long span = end() - start();
        if (span > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(String.format("loaded bytes span 0x%x bytes (0x%08x..0x%08x): too far apart for one flat image",
                    span, start(), end()));
        byte[] out = new byte[(int) span];
        if (fill != 0) java.util.Arrays.fill(out, fill);
        for (Chunk c : chunks) System.arraycopy(c.data(), 0, out, (int) (c.address() - start()), c.data().length);
        return out;
    }
}
