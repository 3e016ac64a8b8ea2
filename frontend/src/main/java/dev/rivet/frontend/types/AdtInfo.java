package dev.rivet.frontend.types;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.ModuleScope;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A struct, enum or union: its variants (one for structs and unions) with resolved field types,
 * its representation, and what impl blocks attach to it.
 */
public final class AdtInfo {
    public enum Kind { STRUCT, ENUM, UNION }

    /** {@code #[repr(...)]}: RUST lets rivet reorder fields; C follows the C ABI; an int type fixes the tag. */
    public enum Repr { RUST, C, TRANSPARENT }

    public record Field(String name, Ty type) {}

    public static final class Variant {
        public final String name;
        public final Item.StructKind kind;
        public final List<Field> fields = new ArrayList<>();
        public BigInteger discriminant;
        public final int index;

        public Variant(String name, Item.StructKind kind, int index) {
            this.name = name;
            this.kind = kind;
            this.index = index;
        }

        public int fieldIndex(String name) {
            for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return i;
            return -1;
        }
    }

    public final Kind kind;
    public final String name;
    public final Item ast;
    public final ModuleScope scope;
    public Repr repr = Repr.RUST;
    /** The tag's integer type from {@code #[repr(u8)]} and friends, or null for rivet's choice. */
    public IntKind reprInt;
    public final List<Variant> variants = new ArrayList<>();
    public final Map<String, FnInfo> methods = new LinkedHashMap<>();
    public final Map<String, ConstInfo> consts = new LinkedHashMap<>();
    /** Set once field types are resolved. */
    public boolean resolved;

    public AdtInfo(Kind kind, String name, Item ast, ModuleScope scope) {
        this.kind = kind;
        this.name = name;
        this.ast = ast;
        this.scope = scope;
    }

    public Variant variant(String name) {
        for (Variant v : variants) if (v.name.equals(name)) return v;
        return null;
    }

    /** The single variant of a struct or union. */
    public Variant struct() { return variants.getFirst(); }

    /** An enum whose variants carry no data. */
    public boolean isFieldless() {
        return kind == Kind.ENUM && variants.stream().allMatch(v -> v.fields.isEmpty());
    }

    @Override
    public String toString() { return name; }
}
