package dev.rivet.flasher;

import java.util.HashSet;
import java.util.Set;

/**
 * Faults a simulator injects, from a spec like {@code nack:3,drop:120,corrupt:40,stall:7,weak:0x100,protected}:
 * refuse the n-th command (a NACK, or an error status), drop the n-th byte received, flip a bit
 * of the n-th byte sent, leave the n-th command unanswered, a flash cell at byte offset n whose
 * lowest bit stays 1 when programmed, start with the flash read-protected. Counting starts at 1.
 */
public record Faults(Set<Long> nackCommands, Set<Long> dropReceived, Set<Long> corruptSent, Set<Long> stallCommands, Set<Long> weakCells,
                     boolean readProtected) {
    public static final Faults NONE = new Faults(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);

    /** What a flash byte at {@code offset} holds after {@code value} is programmed into it. */
    public byte programmed(long offset, byte value) {
        return weakCells.contains(offset) ? (byte) (value | 1) : value;
    }

    public static Faults parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        Set<Long> nack = new HashSet<>(), drop = new HashSet<>(), corrupt = new HashSet<>(), stall = new HashSet<>(), weak = new HashSet<>();
        boolean rdp = false;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.equals("protected")) {
                rdp = true;
                continue;
            }
            String[] kv = p.split(":");
            if (kv.length != 2) throw new IllegalArgumentException("bad fault `" + p + "` (nack:N, drop:N, corrupt:N, stall:N, weak:OFFSET or protected)");
            long n;
            try {
                n = Long.decode(kv[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad count in fault `" + p + "`");
            }
            if (n < (kv[0].equals("weak") ? 0 : 1)) throw new IllegalArgumentException("fault counts start at 1, in `" + p + "`");
            switch (kv[0]) {
                case "nack" -> nack.add(n);
                case "drop" -> drop.add(n);
                case "corrupt" -> corrupt.add(n);
                case "stall" -> stall.add(n);
                case "weak" -> weak.add(n);
                default -> throw new IllegalArgumentException("unknown fault `" + kv[0] + "` (nack, drop, corrupt, stall, weak, protected)");
            }
        }
        return new Faults(Set.copyOf(nack), Set.copyOf(drop), Set.copyOf(corrupt), Set.copyOf(stall), Set.copyOf(weak), rdp);
    }
}
