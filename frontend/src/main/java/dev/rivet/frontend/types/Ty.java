package dev.rivet.frontend.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A semantic type. Inference variables ({@link Var}) are resolved through {@link Infer}; other
 * types are immutable values that compare structurally.
 */
public sealed interface Ty {
    record Int(IntKind kind) implements Ty {}

    record Bool() implements Ty {}

    record Char() implements Ty {}

    /** The unsized {@code str}. */
    record Str() implements Ty {}

    record Never() implements Ty {}

    /** {@code ()} is the empty tuple. */
    record Tuple(List<Ty> elements) implements Ty {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    record Array(Ty element, long length) implements Ty {}

    /** The unsized {@code [T]}. */
    record Slice(Ty element) implements Ty {}

    record Ref(boolean mutable, Ty inner) implements Ty {}

    record Ptr(boolean mutable, Ty inner) implements Ty {}

    /** A struct, enum or union. */
    record Adt(AdtInfo def) implements Ty {}

    /** The zero-sized type of one function item. */
    record FnItem(FnInfo fn) implements Ty {}

    record FnPtr(List<Ty> params, Ty ret) implements Ty {
        public FnPtr {
            params = List.copyOf(params);
        }
    }

    /** An inference variable; {@code integral} ones come from unsuffixed integer literals. */
    final class Var implements Ty {
        final int id;
        final boolean integral;
        Ty binding;

        Var(int id, boolean integral) {
            this.id = id;
            this.integral = integral;
        }

        @Override
        public String toString() { return integral ? "{integer}" : "_"; }
    }

    /** Stands in after an error, so one mistake does not cascade into many. */
    record Error() implements Ty {}

    Ty UNIT = new Tuple(List.of());
    Ty BOOL = new Bool();
    Ty CHAR = new Char();
    Ty STR = new Str();
    Ty NEVER = new Never();
    Ty ERROR = new Error();
    Ty U8 = new Int(IntKind.U8);
    Ty U32 = new Int(IntKind.U32);
    Ty I32 = new Int(IntKind.I32);
    Ty USIZE = new Int(IntKind.USIZE);
    Ty U64 = new Int(IntKind.U64);

    static Ty ref(Ty inner) { return new Ref(false, inner); }

    /** {@code &str}. */
    Ty STR_REF = new Ref(false, STR);

    /** Rust's spelling of a type, for messages. */
    static String show(Ty t) {
        return switch (Infer.shallow(t)) {
            case Int i -> i.kind().name;
            case Bool b -> "bool";
            case Char c -> "char";
            case Str s -> "str";
            case Never n -> "!";
            case Tuple tu -> tu.elements().size() == 1 ? "(" + show(tu.elements().getFirst()) + ",)"
                    : tu.elements().stream().map(Ty::show).collect(Collectors.joining(", ", "(", ")"));
            case Array a -> "[" + show(a.element()) + "; " + a.length() + "]";
            case Slice s -> "[" + show(s.element()) + "]";
            case Ref r -> "&" + (r.mutable() ? "mut " : "") + show(r.inner());
            case Ptr p -> "*" + (p.mutable() ? "mut " : "const ") + show(p.inner());
            case Adt a -> a.def().name;
            case FnItem f -> "fn item `" + f.fn().displayName + "`";
            case FnPtr f -> "fn(" + f.params().stream().map(Ty::show).collect(Collectors.joining(", ")) + ")"
                    + (f.ret().equals(UNIT) ? "" : " -> " + show(f.ret()));
            case Var v -> v.integral ? "{integer}" : "_";
            case Error e -> "{error}";
        };
    }

    static boolean isUnit(Ty t) { return Infer.shallow(t) instanceof Tuple tu && tu.elements().isEmpty(); }
}
