package dev.rivet.codegen.isel;

import java.util.ArrayList;
import java.util.List;

/**
 * How an inline copy or fill of {@code n} bytes splits into word, halfword and byte accesses:
 * the widest the alignment allows first, then narrower ones for the tail.
 */
public final class Pieces {
    /** One access: its offset from the start and its size (1, 2 or 4). */
    public record Piece(int offset, int size) {}

    private Pieces() {}

    public static List<Piece> split(int n, int align) {
        List<Piece> out = new ArrayList<>();
        int at = 0;
        for (int size = Math.min(Math.max(align, 1), 4); size >= 1; size /= 2)
            while (n - at >= size) {
                out.add(new Piece(at, size));
                at += size;
            }
        return out;
    }
}
