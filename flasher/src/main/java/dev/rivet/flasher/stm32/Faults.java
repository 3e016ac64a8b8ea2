package dev.rivet.flasher.stm32;

import java.util.HashSet;
import java.util.Set;

/**
 * Faults a simulator injects, from a spec like {@code nack:3,drop:120,corrupt:40,protected}:
 * NACK the n-th command, drop the n-th byte received, flip a bit of the n-th byte sent, start
 * with the flash read-protected. Counting starts at 1.
 */
public record Faults(Set<Long> nackCommands, Set<Long> dropReceived, Set<Long> corruptSent, boolean readProtected) {
    public static final Faults NONE = new Faults(Set.of(), Set.of(), Set.of(), false);

    public static Faults parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        Set<Long> nack = new HashSet<>(), drop = new HashSet<>(), corrupt = new HashSet<>();
        boolean rdp = false;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.equals("protected")) {
                rdp = true;
                continue;
            }
            String[] kv = p.split(":");
            if (kv.length != 2) throw new IllegalArgumentException("bad fault `" + p + "` (nack:N, drop:N, corrupt:N or protected)");
            long n;
            try {
                n = Long.parseLong(kv[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad count in fault `" + p + "`");
            }
            switch (kv[0]) {
                case "nack" -> nack.add(n);
                case "drop" -> drop.add(n);
                case "corrupt" -> corrupt.add(n);
                default -> throw new IllegalArgumentException("unknown fault `" + kv[0] + "` (nack, drop, corrupt, protected)");
            }
        }
        return new Faults(Set.copyOf(nack), Set.copyOf(drop), Set.copyOf(corrupt), rdp);
    }
}
