package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A path such as {@code core::ptr::null}, {@code Self::new}, {@code Vec::<u8>::new} or
 * {@code <T as Trait>::X} (the qualified form is parsed and rejected later).
 *
 * @param global  written with a leading {@code ::}
 * @param qself   the type in {@code <T as Trait>::...}, or null
 */
public record Path(boolean global, TypeExpr qself, List<Segment> segments, Span span) {
    /** One segment: a name and optional generic arguments ({@code ::<u8>} or {@code <u8>} in types). */
    public record Segment(String name, List<GenericArg> args, Span span) {}

    /** A generic argument: a type, a const expression, a lifetime or an associated type binding. */
    public sealed interface GenericArg {
        record Type(TypeExpr type) implements GenericArg {}

        record Const(Expr value) implements GenericArg {}

        record Lifetime(String name) implements GenericArg {}

        record Binding(String name, TypeExpr type) implements GenericArg {}
    }

    public static Path single(String name, Span span) {
        return new Path(false, null, List.of(new Segment(name, List.of(), span)), span);
    }

    public String last() { return segments.getLast().name(); }

    public boolean isSingle() { return !global && qself == null && segments.size() == 1 && segments.getFirst().args().isEmpty(); }

    public boolean hasGenericArgs() { return segments.stream().anyMatch(s -> !s.args().isEmpty()); }

    @Override
    public String toString() {
        return (global ? "::" : "") + segments.stream().map(Segment::name).collect(Collectors.joining("::"));
    }
}
