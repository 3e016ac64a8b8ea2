package dev.rivet.frontend.types;

import java.util.List;

/**
 * How a type is stored on a 32-bit target: size, alignment, how values travel (one scalar,
 * a scalar pair such as a slice reference, memory, or nothing at all), and field offsets.
 *
 * @param fieldOffsets offsets of a struct's or tuple's fields in declaration order; for enums,
 *                     per variant in {@link #variantOffsets}
 */
public record Layout(long size, int align, Shape shape, List<Long> fieldOffsets, List<List<Long>> variantOffsets,
                     Tag tag) {

    /** How values of a type are passed around in IR. */
    public sealed interface Shape {
        /** One IR value. */
        record Scalar(dev.rivet.ir.Type type) implements Shape {}

        /** Two IR values: pointer and length of a slice or str reference. */
        record Pair(dev.rivet.ir.Type first, dev.rivet.ir.Type second) implements Shape {}

        /** In memory (structs, tuples, arrays, enums with data). */
        record Memory() implements Shape {}

        /** Zero-sized: no bits at all. */
        record Zst() implements Shape {}
    }

    /** An enum's tag: its integer type and offset (always 0 in rivet's layouts). */
    public record Tag(IntKind kind, long offset) {}

    public boolean isZst() { return shape instanceof Shape.Zst; }

    public boolean isMemory() { return shape instanceof Shape.Memory; }

    public static Layout scalar(dev.rivet.ir.Type t) {
        return new Layout(t.bytes(), t.bytes(), new Shape.Scalar(t), List.of(), List.of(), null);
    }

    public static final Layout ZST = new Layout(0, 1, new Shape.Zst(), List.of(), List.of(), null);
}
