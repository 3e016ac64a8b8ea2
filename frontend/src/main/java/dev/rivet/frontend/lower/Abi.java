package dev.rivet.frontend.lower;

import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.LayoutCache;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * How Rust values cross function boundaries in IR. A scalar is one IR parameter ({@code bool}
 * travels as {@code i8}, 0 or 1); a slice or str reference is two (pointer, length); any
 * other aggregate is passed as a pointer to a copy the callee owns; zero-sized values are not
 * passed. A result that is not a scalar is written through a hidden first parameter (sret).
 */
final class Abi {
    /** How one Rust parameter or result is passed. */
    enum Kind { SCALAR, PAIR, INDIRECT, NONE }

    private final LayoutCache layouts;

    Abi(LayoutCache layouts) {
        this.layouts = layouts;
    }

    Kind kind(Ty t) {
        if (t instanceof Ty.Never) return Kind.NONE;
        Layout l = layouts.of(t);
        return switch (l.shape()) {
            case Layout.Shape.Scalar s -> Kind.SCALAR;
            case Layout.Shape.Pair p -> Kind.PAIR;
            case Layout.Shape.Memory m -> Kind.INDIRECT;
            case Layout.Shape.Zst z -> Kind.NONE;
        };
    }

    /** The IR type a scalar of Rust type {@code t} has in registers ({@code i1} for bool). */
    Type registerType(Ty t) {
        if (t instanceof Ty.Bool) return Type.I1;
        return ((Layout.Shape.Scalar) layouts.of(t).shape()).type();
    }

    /** The IR type of a scalar at a call boundary or in memory ({@code i8} for bool). */
    Type memoryType(Ty t) {
        return ((Layout.Shape.Scalar) layouts.of(t).shape()).type();
    }

    boolean hasSret(Ty ret) {
        Kind k = kind(ret);
        return k == Kind.PAIR || k == Kind.INDIRECT;
    }

    /** The IR parameter types for Rust parameters {@code params} returning {@code ret}. */
    List<Type> irParams(List<Ty> params, Ty ret) {
        List<Type> out = new ArrayList<>();
        if (hasSret(ret)) out.add(Type.PTR);
        for (Ty p : params) {
            switch (kind(p)) {
                case SCALAR -> out.add(memoryType(p));
                case PAIR -> {
                    out.add(Type.PTR);
                    out.add(Type.I32);
                }
                case INDIRECT -> out.add(Type.PTR);
                case NONE -> { }
            }
        }
        return out;
    }

    Type irReturn(Ty ret) {
        return kind(ret) == Kind.SCALAR ? memoryType(ret) : Type.VOID;
    }
}
