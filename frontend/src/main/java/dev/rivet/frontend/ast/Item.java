package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import java.util.List;

/** An item: anything that can appear at module level. */
public sealed interface Item {
    String name();

    List<Attribute> attrs();

    boolean pub();

    Span span();

    /** The identifier's own span, for diagnostics that point at the name. */
    Span nameSpan();

    /** How a method takes {@code self}. */
    enum SelfKind { NONE, VALUE, REF, REF_MUT }

    record Param(Pat pattern, TypeExpr type, Span span) {}

    /**
     * A function. {@code body} is null for declarations (in traits and extern blocks).
     * {@code abi} is the string of {@code extern "C"}, or null.
     */
    record Fn(String name, List<Attribute> attrs, boolean pub, Generics generics, SelfKind self, boolean selfMut,
              List<Param> params, TypeExpr ret, Block body, boolean isConst, boolean isUnsafe, boolean isAsync,
              String abi, Span nameSpan, Span span) implements Item {}

    record Field(String name, TypeExpr type, boolean pub, List<Attribute> attrs, Span span) {}

    enum StructKind { NAMED, TUPLE, UNIT }

    record Struct(String name, List<Attribute> attrs, boolean pub, Generics generics, StructKind kind,
                  List<Field> fields, Span nameSpan, Span span) implements Item {}

    record Union(String name, List<Attribute> attrs, boolean pub, Generics generics, List<Field> fields,
                 Span nameSpan, Span span) implements Item {}

    record Variant(String name, StructKind kind, List<Field> fields, Expr discriminant, List<Attribute> attrs, Span span) {}

    record Enum(String name, List<Attribute> attrs, boolean pub, Generics generics, List<Variant> variants,
                Span nameSpan, Span span) implements Item {}

    /** {@code impl<G> Trait for Type { ... }} (trait null for inherent impls). */
    record Impl(List<Attribute> attrs, Generics generics, Path trait, boolean negative, TypeExpr selfType,
                List<Item> items, boolean isUnsafe, Span span) implements Item {
        @Override public String name() { return ""; }
        @Override public boolean pub() { return false; }
        @Override public Span nameSpan() { return span; }
    }

    record Trait(String name, List<Attribute> attrs, boolean pub, Generics generics, List<Path> supertraits,
                 List<Item> items, boolean isUnsafe, Span nameSpan, Span span) implements Item {}

    /** {@code const NAME: T = value;} ({@code value} null in traits). */
    record Const(String name, List<Attribute> attrs, boolean pub, TypeExpr type, Expr value, Span nameSpan, Span span) implements Item {}

    record Static(String name, List<Attribute> attrs, boolean pub, boolean mutable, TypeExpr type, Expr value,
                  Span nameSpan, Span span) implements Item {}

    /** {@code type Name<G> = T;} ({@code type} null for associated type declarations). */
    record TypeAlias(String name, List<Attribute> attrs, boolean pub, Generics generics, List<Path> bounds,
                     TypeExpr type, Span nameSpan, Span span) implements Item {}

    /** {@code mod name { items }}, or {@code mod name;} when {@code items} is null (loaded from a file). */
    record Mod(String name, List<Attribute> attrs, boolean pub, List<Item> items, Span nameSpan, Span span) implements Item {}

    record Use(List<Attribute> attrs, boolean pub, UseTree tree, Span span) implements Item {
        @Override public String name() { return ""; }
        @Override public Span nameSpan() { return span; }
    }

    /**
     * {@code use} trees: {@code a::b}, {@code a::b as c}, {@code a::*}, {@code a::{b, c::d}}.
     * {@code prefix} is the path before this node.
     */
    sealed interface UseTree {
        Span span();

        record Simple(Path path, String rename, Span span) implements UseTree {}

        record Glob(Path prefix, Span span) implements UseTree {}

        record Group(Path prefix, List<UseTree> trees, Span span) implements UseTree {}
    }

    record ExternCrate(String name, List<Attribute> attrs, boolean pub, String rename, Span nameSpan, Span span) implements Item {}

    /** {@code extern "C" { fn f(); static X: u32; }}. */
    record ExternBlock(List<Attribute> attrs, String abi, List<Item> items, Span span) implements Item {
        @Override public String name() { return ""; }
        @Override public boolean pub() { return false; }
        @Override public Span nameSpan() { return span; }
    }

    /** {@code macro_rules! name { ... }}. */
    record MacroRules(String name, List<Attribute> attrs, List<Token> body, Span nameSpan, Span span) implements Item {
        @Override public boolean pub() { return false; }
    }

    /** A macro invocation in item position. */
    record MacroItem(Path path, List<Attribute> attrs, List<Token> tokens, Span span) implements Item {
        @Override public String name() { return ""; }
        @Override public boolean pub() { return false; }
        @Override public Span nameSpan() { return span; }
    }
}
