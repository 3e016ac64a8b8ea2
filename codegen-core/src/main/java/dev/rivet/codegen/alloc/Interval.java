package dev.rivet.codegen.alloc;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a register's value is live: sorted, disjoint ranges of instruction positions (both ends
 * included), with holes between them. Also the fixed uses of a physical register.
 */
final class Interval {
    final int vreg;
    /** Ranges as {from, to} pairs, sorted by from, not overlapping or touching. */
    final List<int[]> ranges = new ArrayList<>();
    int assigned = -1;
    boolean spillTemp;
    /** Instructions that read or write it (for the spill weight). */
    int uses;

    Interval(int vreg) {
        this.vreg = vreg;
    }

    int start() { return ranges.isEmpty() ? Integer.MAX_VALUE : ranges.getFirst()[0]; }

    int end() { return ranges.isEmpty() ? -1 : ranges.getLast()[1]; }

    /** Adds [from, to], merging with ranges it overlaps or touches. */
    void add(int from, int to) {
        int i = 0;
        while (i < ranges.size() && ranges.get(i)[1] < from - 1) i++;
        int[] merged = {from, to};
        while (i < ranges.size() && ranges.get(i)[0] <= to + 1) {
            int[] r = ranges.remove(i);
            merged[0] = Math.min(merged[0], r[0]);
            merged[1] = Math.max(merged[1], r[1]);
        }
        ranges.add(i, merged);
    }

    /** Moves the start of the range containing {@code pos} up to it (a definition begins the value). */
    void startAt(int pos) {
        for (int[] r : ranges)
            if (r[0] <= pos && pos <= r[1]) {
                r[0] = pos;
                return;
            }
        add(pos, pos);
    }

    /** Whether the two share a position; starts at the ranges that can reach the other's start (binary search). */
    boolean intersects(Interval o) {
        if (ranges.isEmpty() || o.ranges.isEmpty()) return false;
        int i = firstEndingAtOrAfter(o.start()), j = o.firstEndingAtOrAfter(start());
        while (i < ranges.size() && j < o.ranges.size()) {
            dev.rivet.ir.Work.add(1);
            int[] a = ranges.get(i), b = o.ranges.get(j);
            if (a[1] < b[0]) i++;
            else if (b[1] < a[0]) j++;
            else return true;
        }
        return false;
    }

    /** The index of the first range whose end is at or after {@code pos} (ranges are sorted and disjoint, so ends are too). */
    private int firstEndingAtOrAfter(int pos) {
        int lo = 0, hi = ranges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid)[1] < pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Spill cost per position covered: short, busy intervals are expensive to spill. */
    double weight() {
        long length = 0;
        for (int[] r : ranges) length += r[1] - r[0] + 1;
        return (uses + 1.0) / Math.max(1, length);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("v" + vreg + "[");
        for (int[] r : ranges) sb.append(r[0]).append('-').append(r[1]).append(' ');
        return sb.append("]").toString();
    }
}
