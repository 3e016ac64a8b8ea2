package dev.rivet.frontend.types;

import java.math.BigInteger;
import java.util.List;

/**
 * The value of a constant expression: what consts, statics, array lengths and enum
 * discriminants evaluate to at compile time.
 */
public sealed interface ConstValue {
    Ty type();

    record Int(BigInteger value, Ty type) implements ConstValue {}

    record Bool(boolean value) implements ConstValue {
        @Override public Ty type() { return Ty.BOOL; }
    }

    record Char(int codePoint) implements ConstValue {
        @Override public Ty type() { return Ty.CHAR; }
    }

    /** A reference to constant data: {@code &"text"}, {@code b"bytes"}, {@code &[1, 2]}, {@code &STATIC}. */
    record Ref(ConstValue target, Ty type) implements ConstValue {}

    /** The bytes of a {@code str} (the target of a string literal's reference). */
    record StrData(String text) implements ConstValue {
        @Override public Ty type() { return Ty.STR; }
    }

    /** An array, tuple, struct, or the elements of a referenced slice. */
    record Aggregate(List<ConstValue> elements, Ty type) implements ConstValue {}

    /** An enum value. */
    record Enum(AdtInfo.Variant variant, List<ConstValue> fields, Ty type) implements ConstValue {}

    /**
     * The address of a static or of a place inside it ({@code &STATIC}, {@code &TABLE[2].name}
     * in another static): {@code path} lists the element and field indices from the static's
     * value down to the place; {@code length} is the element count of a slice reference made
     * from it, or -1 for a thin pointer.
     */
    record StaticRef(StaticInfo target, List<Integer> path, long length, Ty type) implements ConstValue {
        public StaticRef {
            path = List.copyOf(path);
        }

        public StaticRef(StaticInfo target, Ty type) {
            this(target, List.of(), -1, type);
        }
    }

    /** A function's address. */
    record FnRef(FnInfo fn, Ty type) implements ConstValue {}

    /** A raw pointer made from an integer ({@code 0x4001_3800 as *mut u32}). */
    record Address(long value, Ty type) implements ConstValue {}

    ConstValue UNIT = new Aggregate(List.of(), Ty.UNIT);
}
