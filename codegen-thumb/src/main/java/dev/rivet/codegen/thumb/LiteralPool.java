package dev.rivet.codegen.thumb;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Fixed;
import dev.rivet.codegen.asm.Label;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Words loaded pc-relative by {@code ldr rt, [pc, #imm]}: constants too costly to build with
 * instructions, and symbol addresses (with an R_ARM_ABS32 relocation). Equal words share one
 * entry. Entries collect until {@link #flush} places them, word-aligned, after an
 * unconditional branch or at the end of the function; the 16-bit load reaches 1020 bytes
 * forward, so the emitter flushes before the first pending use gets that far.
 */
final class LiteralPool {
    static final int R_ARM_ABS32 = 2;

    private record Key(long value, String symbol) {}

    private final Map<Key, Label> pending = new LinkedHashMap<>();
    private int count;
    /** Estimated code offset of the first load of a pending entry, or -1. */
    int firstUse = -1;

    Label constant(int value, int at) {
        return entry(new Key(value & 0xFFFF_FFFFL, null), at);
    }

    Label symbol(String symbol, long addend, int at) {
        return entry(new Key(addend, symbol), at);
    }

    private Label entry(Key k, int at) {
        if (firstUse < 0) firstUse = at;
        return pending.computeIfAbsent(k, x -> new Label("lit" + count++));
    }

    boolean isEmpty() { return pending.isEmpty(); }

    /** Places the pending entries here and starts a new pool; returns the bytes added (for estimates). */
    int flush(Assembler asm) {
        int bytes = 2; // worst-case alignment padding
        for (Map.Entry<Key, Label> e : pending.entrySet()) {
            asm.bind(e.getValue());
            Key k = e.getKey();
            // REL convention: the addend is also stored in the word itself
            asm.add(k.symbol() == null ? Fixed.dataWord(k.value(), -1, null, 0)
                    : Fixed.dataWord(k.value(), R_ARM_ABS32, k.symbol(), k.value()));
            bytes += 4;
        }
        pending.clear();
        firstUse = -1;
        return bytes;
    }
}
