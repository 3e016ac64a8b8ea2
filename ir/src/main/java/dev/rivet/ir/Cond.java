package dev.rivet.ir;

/** Integer comparison predicates of {@link Op#ICMP}. */
public enum Cond {
    EQ, NE, ULT, ULE, UGT, UGE, SLT, SLE, SGT, SGE;

    public String text() { return name().toLowerCase(); }

    public static Cond parse(String s) { return valueOf(s.toUpperCase()); }

    /** The predicate with its operands swapped: a < b is b > a. */
    public Cond swapped() {
        return switch (this) {
            case EQ, NE -> this;
            case ULT -> UGT; case ULE -> UGE; case UGT -> ULT; case UGE -> ULE;
            case SLT -> SGT; case SLE -> SGE; case SGT -> SLT; case SGE -> SLE;
        };
    }

    /** The negated predicate: !(a < b) is a >= b. */
    public Cond negated() {
        return switch (this) {
            case EQ -> NE; case NE -> EQ;
            case ULT -> UGE; case ULE -> UGT; case UGT -> ULE; case UGE -> ULT;
            case SLT -> SGE; case SLE -> SGT; case SGT -> SLE; case SGE -> SLT;
        };
    }

    public boolean isSigned() { return this == SLT || this == SLE || this == SGT || this == SGE; }

    /** Evaluates the predicate on two values of type {@code t}. */
    public boolean eval(Type t, long a, long b) {
        long ua = t.wrap(a), ub = t.wrap(b);
        long sa = t.signed(a), sb = t.signed(b);
        return switch (this) {
            case EQ -> ua == ub;
            case NE -> ua != ub;
            case ULT -> Long.compareUnsigned(ua, ub) < 0;
            case ULE -> Long.compareUnsigned(ua, ub) <= 0;
            case UGT -> Long.compareUnsigned(ua, ub) > 0;
            case UGE -> Long.compareUnsigned(ua, ub) >= 0;
            case SLT -> sa < sb;
            case SLE -> sa <= sb;
            case SGT -> sa > sb;
            case SGE -> sa >= sb;
        };
    }
}
