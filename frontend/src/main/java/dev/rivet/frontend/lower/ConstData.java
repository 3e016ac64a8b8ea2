package dev.rivet.frontend.lower;

import dev.rivet.frontend.check.Sema;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Global;
import dev.rivet.ir.Type;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialises constant values into global data: the exact bytes of the value's layout, with
 * relocations where it holds addresses (string literals, referenced arrays, statics and
 * functions). Referenced data becomes globals of its own in the {@link DataPool}.
 */
final class ConstData {
    private final Sema sema;
    private final DataPool pool;

    ConstData(Sema sema, DataPool pool) {
        this.sema = sema;
        this.pool = pool;
    }

    /** The items of {@code v}, exactly {@code size(v.type)} bytes long. */
    List<Global.Item> items(ConstValue v) {
        Writer w = new Writer();
        write(w, v, Infer.resolve(v.type(), true));
        return w.finish();
    }

    /** The symbol of a read-only global holding the referent of a reference constant. */
    String referent(ConstValue target) {
        if (target instanceof ConstValue.StrData s) return pool.string(s.text());
        Ty t = Infer.resolve(target.type(), true);
        return pool.items(items(target), sema.layouts.of(t).align(), "data");
    }

    /**
     * The referent of {@code &mut [1, 2]} in a {@code static mut}: a writable global of its own
     * (in .data), never shared with equal constants.
     */
    private String writableReferent(ConstValue target) {
        if (target instanceof ConstValue.StrData s) return pool.string(s.text());
        Ty t = Infer.resolve(target.type(), true);
        return pool.writable(items(target), sema.layouts.of(t).align(), "data");
    }

    private static boolean isMutable(Ty t) {
        return t instanceof Ty.Ref r && r.mutable() || t instanceof Ty.Ptr p && p.mutable();
    }

    /** The byte offset of the place a {@link ConstValue.StaticRef} points at, inside its static. */
    long offset(ConstValue.StaticRef r) {
        Ty t = Infer.resolve(sema.items.staticType(r.target()), true);
        long offset = 0;
        for (int i : r.path()) {
            switch (t) {
                case Ty.Array a -> {
                    offset += i * sema.layouts.size(a.element());
                    t = a.element();
                }
                case Ty.Tuple tu -> {
                    offset += sema.layouts.of(t).fieldOffsets().get(i);
                    t = tu.elements().get(i);
                }
                case Ty.Adt adt -> {
                    offset += sema.layouts.of(t).fieldOffsets().get(i);
                    t = adt.def().struct().fields.get(i).type();
                }
                default -> throw new IllegalStateException("place inside a static of type " + Ty.show(t));
            }
        }
        return offset;
    }

    /** Accumulates bytes and relocations. */
    private static final class Writer {
        final List<Global.Item> items = new ArrayList<>();
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        long size;

        void bytes(long value, int n) {
            for (int i = 0; i < n; i++) pending.write((int) (value >>> (8 * i)));
            size += n;
        }

        void zero(long n) {
            for (long i = 0; i < n; i++) pending.write(0);
            size += n;
        }

        void reloc(String symbol, long offset) {
            flush();
            items.add(new Global.Item.SymRef(symbol, offset));
            size += 4;
        }

        void padTo(long at) {
            if (at > size) zero(at - size);
        }

        private void flush() {
            if (pending.size() > 0) {
                byte[] b = pending.toByteArray();
                boolean allZero = true;
                for (byte x : b) allZero &= x == 0;
                items.add(allZero ? new Global.Item.Zero(b.length) : new Global.Item.Bytes(b));
                pending.reset();
            }
        }

        List<Global.Item> finish() {
            flush();
            return items;
        }
    }

    private void write(Writer w, ConstValue v, Ty t) {
        long start = w.size;
        Layout layout = sema.layouts.of(t);
        switch (v) {
            case ConstValue.Int i -> w.bytes(raw(i.value()), (int) layout.size());
            case ConstValue.Bool b -> w.bytes(b.value() ? 1 : 0, 1);
            case ConstValue.Char c -> w.bytes(c.codePoint(), 4);
            case ConstValue.Address a -> w.bytes(a.value(), 4);
            case ConstValue.FnRef f -> w.reloc(f.fn().symbol, 0);
            case ConstValue.StaticRef s -> {
                w.reloc(s.target().symbol, offset(s));
                if (layout.shape() instanceof Layout.Shape.Pair) w.bytes(s.length(), 4);
            }
            case ConstValue.Ref r -> {
                w.reloc(isMutable(t) ? writableReferent(r.target()) : referent(r.target()), 0);
                if (layout.shape() instanceof Layout.Shape.Pair) w.bytes(length(r.target()), 4);
            }
            case ConstValue.Aggregate a -> aggregate(w, a, t, layout, start);
            case ConstValue.Enum e -> enumValue(w, e, t, layout, start);
            case ConstValue.StrData s -> w.bytes(0, 0);
        }
        w.padTo(start + layout.size());
    }

    private long length(ConstValue target) {
        return switch (target) {
            case ConstValue.StrData s -> s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            case ConstValue.Aggregate a -> a.elements().size();
            default -> 0;
        };
    }

    private void aggregate(Writer w, ConstValue.Aggregate a, Ty t, Layout layout, long start) {
        switch (t) {
            case Ty.Array arr -> {
                long elemSize = sema.layouts.size(arr.element());
                for (int i = 0; i < a.elements().size(); i++) {
                    w.padTo(start + i * elemSize);
                    write(w, a.elements().get(i), arr.element());
                }
            }
            case Ty.Tuple tu -> fields(w, a.elements(), tu.elements(), layout.fieldOffsets(), start);
            case Ty.Adt adt -> fields(w, a.elements(), adt.def().struct().fields.stream().map(AdtInfo.Field::type).toList(),
                    layout.fieldOffsets(), start);
            default -> throw new IllegalStateException("aggregate constant of type " + Ty.show(t));
        }
    }

    /** Writes fields in address order (repr(Rust) may have reordered them). */
    private void fields(Writer w, List<ConstValue> values, List<Ty> types, List<Long> offsets, long start) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) order.add(i);
        order.sort((x, y) -> Long.compare(offsets.get(x), offsets.get(y)));
        for (int i : order) {
            if (sema.layouts.size(types.get(i)) == 0) continue;
            w.padTo(start + offsets.get(i));
            write(w, values.get(i), types.get(i));
        }
    }

    private void enumValue(Writer w, ConstValue.Enum e, Ty t, Layout layout, long start) {
        if (layout.tag() != null) w.bytes(raw(e.variant().discriminant), layout.tag().kind().bytes());
        if (!layout.variantOffsets().isEmpty())
            fields(w, e.fields(), e.variant().fields.stream().map(AdtInfo.Field::type).toList(),
                    layout.variantOffsets().get(e.variant().index), start);
    }

    static long raw(BigInteger v) { return v.longValue(); }

    static Type irType(Layout l) {
        return ((Layout.Shape.Scalar) l.shape()).type();
    }
}
