package dev.rivet.flasher;

import java.util.List;

/** What to write: bytes at device addresses, in address order, not overlapping. */
public record FlashImage(List<Segment> segments) {
    public record Segment(long address, byte[] data) {
        public long end() { return address + data.length; }
    }

    public long start() { return segments.isEmpty() ? 0 : segments.getFirst().address(); }

    public long end() { return segments.isEmpty() ? 0 : segments.getLast().end(); }

    public long bytes() { return segments.stream().mapToLong(s -> s.data().length).sum(); }

    /**
     * The same bytes in runs that start and end on {@code unit} boundaries, as a bootloader
     * writes them: each run widened with {@code fill}, and runs that then touch or share a unit
     * merged into one.
     */
    public FlashImage aligned(int unit, byte fill) {
        List<Segment> out = new java.util.ArrayList<>();
        for (Segment s : segments) {
            long from = Math.floorDiv(s.address(), unit) * unit, to = Math.ceilDiv(s.end(), (long) unit) * unit;
            if (!out.isEmpty() && out.getLast().end() >= from) {
                Segment last = out.removeLast();
                from = last.address();
                byte[] merged = new byte[(int) (to - from)];
                java.util.Arrays.fill(merged, fill);
                System.arraycopy(last.data(), 0, merged, 0, last.data().length);
                System.arraycopy(s.data(), 0, merged, (int) (s.address() - from), s.data().length);
                out.add(new Segment(from, merged));
            } else {
                byte[] widened = new byte[(int) (to - from)];
                java.util.Arrays.fill(widened, fill);
                System.arraycopy(s.data(), 0, widened, (int) (s.address() - from), s.data().length);
                out.add(new Segment(from, widened));
            }
        }
        return new FlashImage(List.copyOf(out));
    }
}
