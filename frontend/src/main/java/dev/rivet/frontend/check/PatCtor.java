package dev.rivet.frontend.check;

import dev.rivet.frontend.types.AdtInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The head constructor of a pattern, as the exhaustiveness check ({@link Exhaustiveness}) sees
 * it: a value is a constructor applied to fields. {@code Some}-like enum variants, the single
 * constructor of a struct, tuple or reference, a boolean, a range of integers (chars are their
 * code points), a slice of some length, or a constant of a type no list of constructors can
 * cover ({@code &str}). Three more stand for what is not a real constructor: the wildcard, an
 * or-pattern, and "every constructor the column does not mention".
 *
 * <p>This file also splits a column's constructors against its type: which constructors of the
 * type some row mentions ("present") and which none does ("missing"), cut so that every present
 * constructor is either inside or outside each row's constructor. That is rustc's constructor
 * splitting: integer ranges are cut at every row's range ends, slice lengths into the lengths
 * rows distinguish plus one "this long or longer".
 */
sealed interface PatCtor {
    /** An enum variant. */
    record Variant(AdtInfo.Variant variant) implements PatCtor {}

    /** The one constructor of a struct, tuple or reference. */
    record Single() implements PatCtor {}

    record Bool(boolean value) implements PatCtor {}

    /**
     * The integers {@code lo..=hi} (char code points included). For usize and isize the type's
     * range is bordered by one value beyond each end that no closed range reaches: rustc does
     * not take usize::MAX as the last value, so only {@code x..} covers the top.
     */
    record IntRange(BigInteger lo, BigInteger hi) implements PatCtor {
        boolean contains(IntRange o) { return lo.compareTo(o.lo) <= 0 && o.hi.compareTo(hi) <= 0; }
    }

    /** {@code [p0, .., pn]}: exactly {@code prefix} elements, or with {@code variable} at least {@code prefix + suffix}. */
    record Slice(int prefix, int suffix, boolean variable) implements PatCtor {
        int arity() { return prefix + suffix; }

        /** Whether every slice of this constructor's lengths has {@code o}'s shape. */
        boolean coveredBy(Slice o) {
            if (!o.variable) return !variable && prefix == o.prefix;
            return arity() >= o.arity();
        }
    }

    /** A constant of a type no list of constructors covers (a {@code str}): equal only to itself. */
    record Opaque(Object value) implements PatCtor {}

    record Wildcard() implements PatCtor {}

    /** An or-pattern: its fields are the alternatives. */
    record Or() implements PatCtor {}

    /** The constructors of the type that no row of the column mentions. */
    record Missing() implements PatCtor {}

    /** What no finite list covers ({@code &str} values): shown as {@code _}. */
    record NonExhaustive() implements PatCtor {}

    PatCtor WILDCARD = new Wildcard();
    PatCtor SINGLE = new Single();
    PatCtor MISSING = new Missing();

    /** Constructors of a type: present ones (each to specialize by) and missing ones (to report). */
    record Split(List<PatCtor> present, List<PatCtor> missing) {}

    /** Whether every value of constructor {@code c} (a split constructor) matches a pattern headed by {@code head}. */
    static boolean coveredBy(PatCtor c, PatCtor head) {
        return switch (head) {
            case Wildcard w -> true;
            case Variant v -> c instanceof Variant cv && cv.variant() == v.variant();
            case Single s -> c instanceof Single;
            case Bool b -> c instanceof Bool cb && cb.value() == b.value();
            case IntRange r -> c instanceof IntRange cr && r.contains(cr);
            case Slice s -> c instanceof Slice cs && cs.coveredBy(s);
            case Opaque o -> c instanceof Opaque co && co.value().equals(o.value());
            default -> false;
        };
    }

    // ---- splitting ----

    /** Booleans: rustc lists {@code true} before {@code false}. */
    static Split splitBool(List<PatCtor> seen) {
        List<PatCtor> present = new ArrayList<>(), missing = new ArrayList<>();
        for (boolean v : new boolean[] {true, false})
            (seen.stream().anyMatch(c -> c instanceof Bool b && b.value() == v) ? present : missing).add(new Bool(v));
        return new Split(present, missing);
    }

    static Split splitVariants(List<AdtInfo.Variant> variants, List<PatCtor> seen) {
        List<PatCtor> present = new ArrayList<>(), missing = new ArrayList<>();
        for (AdtInfo.Variant v : variants)
            (seen.stream().anyMatch(c -> c instanceof Variant cv && cv.variant() == v) ? present : missing).add(new Variant(v));
        return new Split(present, missing);
    }

    /**
     * Cuts each of {@code whole}'s ranges at the ends of the seen ranges: every piece lies
     * inside or outside each seen range, and a piece is present when some seen range holds it.
     * A sweep over the sorted ends: O(n log n) in the seen ranges.
     */
    static Split splitRanges(List<IntRange> whole, List<PatCtor> seen) {
        TreeMap<BigInteger, Integer> delta = new TreeMap<>(); // +1 where a seen range starts, -1 after it ends
        for (PatCtor c : seen) {
            if (!(c instanceof IntRange r)) continue;
            delta.merge(r.lo(), 1, Integer::sum);
            delta.merge(r.hi().add(BigInteger.ONE), -1, Integer::sum);
        }
        List<PatCtor> present = new ArrayList<>(), missing = new ArrayList<>();
        for (IntRange w : whole) {
            BigInteger end = w.hi().add(BigInteger.ONE);
            int depth = delta.headMap(w.lo(), true).values().stream().mapToInt(Integer::intValue).sum();
            BigInteger at = w.lo();
            for (var e : delta.subMap(w.lo(), false, end, false).entrySet()) {
                (depth > 0 ? present : missing).add(new IntRange(at, e.getKey().subtract(BigInteger.ONE)));
                depth += e.getValue();
                at = e.getKey();
            }
            (depth > 0 ? present : missing).add(new IntRange(at, w.hi()));
        }
        return new Split(present, missing);
    }

    /**
     * Slice lengths. Without a variable-length row, the lengths 0..=max are told apart and
     * every longer slice is one more case ({@code [_, _, _, ..]}). With one, lengths from
     * {@code max(longest fixed + 1, longest prefix + suffix)} on all behave alike: one
     * variable-length constructor with the longest prefix stands for them. {@code arrayLength}
     * (not -1) means only that length exists.
     */
    static Split splitSlices(long arrayLength, List<PatCtor> seen) {
        List<Slice> shapes = seen.stream().filter(c -> c instanceof Slice).map(c -> (Slice) c).toList();
        List<PatCtor> candidates = new ArrayList<>();
        if (arrayLength >= 0) {
            candidates.add(new Slice((int) arrayLength, 0, false));
        } else {
            int maxFixed = -1, maxPrefix = 0, maxSuffix = 0;
            boolean anyVariable = false;
            for (Slice s : shapes) {
                if (s.variable()) {
                    anyVariable = true;
                    maxPrefix = Math.max(maxPrefix, s.prefix());
                    maxSuffix = Math.max(maxSuffix, s.suffix());
                } else {
                    maxFixed = Math.max(maxFixed, s.prefix());
                }
            }
            int longest = anyVariable ? Math.max(maxFixed + 1, maxPrefix + maxSuffix) : maxFixed + 1;
            for (int n = 0; n < longest; n++) candidates.add(new Slice(n, 0, false));
            int prefix = anyVariable ? longest - maxSuffix : longest;
            candidates.add(new Slice(prefix, anyVariable ? maxSuffix : 0, true));
        }
        List<PatCtor> present = new ArrayList<>(), missing = new ArrayList<>();
        for (PatCtor c : candidates)
            (shapes.stream().anyMatch(s -> ((Slice) c).coveredBy(s)) ? present : missing).add(c);
        return new Split(present, missing);
    }
}
