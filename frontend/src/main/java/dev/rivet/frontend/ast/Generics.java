package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import java.util.List;

/** {@code <'a, T: Bound, const N: usize>} plus the where clause. */
public record Generics(List<Param> params, List<WherePredicate> where, Span span) {
    public static final Generics NONE = new Generics(List.of(), List.of(), null);

    public sealed interface Param {
        String name();

        record Lifetime(String name, Span span) implements Param {}

        record Type(String name, List<Path> bounds, TypeExpr defaultType, Span span) implements Param {}

        record Const(String name, TypeExpr type, Span span) implements Param {}
    }

    /** {@code T: Bound + Other} in a where clause (lifetime predicates are parsed and dropped). */
    public record WherePredicate(TypeExpr type, List<Path> bounds, Span span) {}

    public boolean isEmpty() {
        return params.stream().allMatch(p -> p instanceof Param.Lifetime) && where.isEmpty();
    }
}
