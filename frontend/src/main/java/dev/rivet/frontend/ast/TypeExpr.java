package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import java.util.List;

/** A type as written in the source. */
public sealed interface TypeExpr {
    Span span();

    record PathType(Path path, Span span) implements TypeExpr {}

    /** {@code &'a mut T}; the lifetime is kept only for printing. */
    record Ref(String lifetime, boolean mutable, TypeExpr inner, Span span) implements TypeExpr {}

    record Ptr(boolean mutable, TypeExpr inner, Span span) implements TypeExpr {}

    record Array(TypeExpr element, Expr length, Span span) implements TypeExpr {}

    record Slice(TypeExpr element, Span span) implements TypeExpr {}

    /** {@code ()} is the empty tuple. */
    record Tuple(List<TypeExpr> elements, Span span) implements TypeExpr {}

    record Never(Span span) implements TypeExpr {}

    /** {@code _}. */
    record Infer(Span span) implements TypeExpr {}

    record FnPtr(List<TypeExpr> params, TypeExpr ret, boolean unsafe, String abi, Span span) implements TypeExpr {}

    /** {@code impl Trait + 'a}. */
    record ImplTrait(List<Path> bounds, Span span) implements TypeExpr {}

    /** {@code dyn Trait}. */
    record DynTrait(List<Path> bounds, Span span) implements TypeExpr {}

    /** A macro in type position. */
    record Macro(Path path, Span span) implements TypeExpr {}
}
