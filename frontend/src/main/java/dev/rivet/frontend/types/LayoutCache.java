package dev.rivet.frontend.types;

import dev.rivet.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes layouts. {@code repr(Rust)} structs and tuples put fields in order of decreasing
 * alignment (which removes padding) while keeping declaration order for the offsets it reports;
 * {@code repr(C)} keeps declaration order with C's padding rules. Enums put the tag at offset 0
 * and each variant's fields after it; the tag is the smallest integer that holds every
 * discriminant unless {@code repr(uN)} fixes it.
 */
public final class LayoutCache {
    private final Map<Ty, Layout> cache = new HashMap<>();

    public Layout of(Ty t) {
        Ty r = Infer.resolve(t, true);
        Layout l = cache.get(r);
        if (l == null) {
            l = compute(r);
            cache.put(r, l);
        }
        return l;
    }

    public long size(Ty t) { return of(t).size(); }

    private Layout compute(Ty t) {
        return switch (t) {
            case Ty.Int i -> Layout.scalar(irType(i.kind()));
            case Ty.Bool b -> Layout.scalar(Type.I8);
            case Ty.Char c -> Layout.scalar(Type.I32);
            case Ty.Ref r -> pointer(r.inner());
            case Ty.Ptr p -> pointer(p.inner());
            case Ty.FnPtr f -> Layout.scalar(Type.PTR);
            case Ty.FnItem f -> Layout.ZST;
            case Ty.Never n -> Layout.ZST;
            case Ty.Tuple tu -> struct(tu.elements(), false);
            case Ty.Array a -> array(a);
            case Ty.Adt a -> adt(a.def());
            case Ty.Str s -> throw new IllegalStateException("str is unsized");
            case Ty.Slice s -> throw new IllegalStateException("slices are unsized");
            case Ty.Var v -> throw new IllegalStateException("layout of an unresolved type");
            case Ty.Error e -> Layout.ZST;
        };
    }

    public static Type irType(IntKind k) {
        return switch (k.bits) {
            case 8 -> Type.I8;
            case 16 -> Type.I16;
            case 32 -> Type.I32;
            case 64 -> Type.I64;
            default -> throw new IllegalStateException("128-bit integers are not supported");
        };
    }

    private static Layout pointer(Ty inner) {
        Ty i = Infer.shallow(inner);
        if (i instanceof Ty.Slice || i instanceof Ty.Str)
            return new Layout(8, 4, new Layout.Shape.Pair(Type.PTR, Type.I32), List.of(0L, 4L), List.of(), null);
        return Layout.scalar(Type.PTR);
    }

    private Layout array(Ty.Array a) {
        Layout e = of(a.element());
        long size = e.size() * a.length();
        if (size == 0) return new Layout(0, e.align(), new Layout.Shape.Zst(), List.of(), List.of(), null);
        return new Layout(size, e.align(), new Layout.Shape.Memory(), List.of(), List.of(), null);
    }

    /** Lays fields out; {@code ordered} keeps declaration order (repr(C)). */
    private Layout struct(List<Ty> fields, boolean ordered) {
        return fieldsAfter(fields, 0, 1, ordered);
    }

    private Layout fieldsAfter(List<Ty> fields, long start, int startAlign, boolean ordered) {
        List<Layout> ls = fields.stream().map(this::of).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) order.add(i);
        if (!ordered) order.sort(Comparator.comparingInt((Integer i) -> -ls.get(i).align()));
        long[] offsets = new long[fields.size()];
        long at = start;
        int align = startAlign;
        for (int i : order) {
            Layout f = ls.get(i);
            at = alignUp(at, f.align());
            offsets[i] = at;
            at += f.size();
            align = Math.max(align, f.align());
        }
        long size = alignUp(at, align);
        List<Long> offs = new ArrayList<>();
        for (long o : offsets) offs.add(o);
        Layout.Shape shape = size == 0 ? new Layout.Shape.Zst() : new Layout.Shape.Memory();
        return new Layout(size, align, shape, offs, List.of(), null);
    }

    private Layout adt(AdtInfo adt) {
        boolean ordered = adt.repr == AdtInfo.Repr.C;
        return switch (adt.kind) {
            case STRUCT -> struct(adt.struct().fields.stream().map(AdtInfo.Field::type).toList(), ordered);
            case UNION -> {
                long size = 0;
                int align = 1;
                for (AdtInfo.Field f : adt.struct().fields) {
                    Layout l = of(f.type());
                    size = Math.max(size, l.size());
                    align = Math.max(align, l.align());
                }
                size = alignUp(size, align);
                yield new Layout(size, align, size == 0 ? new Layout.Shape.Zst() : new Layout.Shape.Memory(),
                        adt.struct().fields.stream().map(f -> 0L).toList(), List.of(), null);
            }
            case ENUM -> enumLayout(adt, ordered);
        };
    }

    private Layout enumLayout(AdtInfo adt, boolean ordered) {
        if (adt.variants.isEmpty()) return Layout.ZST;
        IntKind tagKind = tagKind(adt);
        Layout tag = Layout.scalar(irType(tagKind));
        if (adt.isFieldless()) {
            if (adt.variants.size() == 1 && adt.reprInt == null) return Layout.ZST;
            return new Layout(tag.size(), tag.align(), new Layout.Shape.Memory(), List.of(), List.of(),
                    new Layout.Tag(tagKind, 0));
        }
        long size = tag.size();
        int align = tag.align();
        List<List<Long>> offsets = new ArrayList<>();
        for (AdtInfo.Variant v : adt.variants) {
            Layout l = fieldsAfter(v.fields.stream().map(AdtInfo.Field::type).toList(), tag.size(), tag.align(), ordered);
            offsets.add(l.fieldOffsets());
            size = Math.max(size, l.size());
            align = Math.max(align, l.align());
        }
        return new Layout(alignUp(size, align), align, new Layout.Shape.Memory(), List.of(), offsets, new Layout.Tag(tagKind, 0));
    }

    /** The integer type an enum's discriminant is stored as. */
    public static IntKind tagKind(AdtInfo adt) {
        if (adt.reprInt != null) return adt.reprInt;
        BigInteger min = BigInteger.ZERO, max = BigInteger.ZERO;
        for (AdtInfo.Variant v : adt.variants) {
            if (v.discriminant == null) continue;
            min = min.min(v.discriminant);
            max = max.max(v.discriminant);
        }
        IntKind[] candidates = min.signum() < 0
                ? new IntKind[] {IntKind.I8, IntKind.I16, IntKind.I32, IntKind.I64}
                : new IntKind[] {IntKind.U8, IntKind.U16, IntKind.U32, IntKind.U64};
        for (IntKind k : candidates) if (k.fits(min) && k.fits(max)) return k;
        return IntKind.I64;
    }

    public static long alignUp(long v, long a) { return (v + a - 1) / a * a; }
}
