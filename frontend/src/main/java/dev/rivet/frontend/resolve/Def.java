package dev.rivet.frontend.resolve;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.StaticInfo;
import dev.rivet.frontend.types.Ty;

/** What a name resolves to. Types and values live in separate namespaces, as in Rust. */
public sealed interface Def {
    record Mod(ModuleScope module) implements Def {}

    record Fn(FnInfo fn) implements Def {}

    /** A struct, enum or union, in the type namespace. */
    record Adt(AdtInfo adt) implements Def {}

    /** The value a tuple or unit struct or variant name denotes: a constructor function or the value itself. */
    record Ctor(AdtInfo adt, AdtInfo.Variant variant) implements Def {}

    /** A struct-like variant used as a type path ({@code E::V { .. }}). */
    record Variant(AdtInfo adt, AdtInfo.Variant variant) implements Def {}

    record Const(ConstInfo info) implements Def {}

    record Static(StaticInfo info) implements Def {}

    record Alias(Item.TypeAlias ast, ModuleScope scope) implements Def {}

    /** A primitive type name. */
    record Prim(Ty type) implements Def {}

    /** A function the compiler implements itself ({@code core::ptr::read_volatile}, ...). */
    record Intrinsic(String name) implements Def {}

    record Trait(Item.Trait ast, ModuleScope scope) implements Def {}

    /** A name that exists but whose use rivet does not compile yet. */
    record Unsupported(String what) implements Def {}
}
