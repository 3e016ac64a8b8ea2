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
}
