package dev.rivet.codegen.thumb;

/** ARM condition codes, numbered as the encodings use them. */
enum Cond {
    EQ, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE;

    Cond invert() { return values()[ordinal() ^ 1]; }

    /** The condition for a comparison with its operands swapped. */
    Cond swap() {
        return switch (this) {
            case HS -> LS; case LO -> HI; case HI -> LO; case LS -> HS;
            case GE -> LE; case LT -> GT; case GT -> LT; case LE -> GE;
            default -> this;
        };
    }

    static Cond of(dev.rivet.ir.Cond c) {
        return switch (c) {
            case EQ -> EQ; case NE -> NE;
            case ULT -> LO; case ULE -> LS; case UGT -> HI; case UGE -> HS;
            case SLT -> LT; case SLE -> LE; case SGT -> GT; case SGE -> GE;
        };
    }

    String text() { return name().toLowerCase().replace("hs", "cs").replace("lo", "cc"); }
}
