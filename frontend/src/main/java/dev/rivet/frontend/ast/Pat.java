package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import java.util.List;

/** A pattern. */
public sealed interface Pat {
    Span span();

    /** {@code ..} or {@code name @ ..}: in a slice pattern, the elements not named one by one. */
    static boolean isRest(Pat p) {
        return p instanceof Rest || (p instanceof Ident id && id.sub() instanceof Rest);
    }

    record Wild(Span span) implements Pat {}

    /** {@code ..} inside a tuple, slice or tuple-struct pattern. */
    record Rest(Span span) implements Pat {}

    /**
     * A binding {@code ref mut name @ sub}; a lone identifier may also turn out to name a
     * constant, unit struct or unit variant, which resolution decides.
     */
    record Ident(String name, boolean byRef, boolean mutable, Pat sub, Span span) implements Pat {}

    /** A literal, possibly negated: {@code 5}, {@code -1}, {@code b'a'}, {@code "s"}. */
    record Lit(Literal value, boolean negative, Span span) implements Pat {}

    /** {@code a..=b}, {@code a..b}, {@code a..}, {@code ..=b}; bounds are literal or path patterns. */
    record Range(Pat low, Pat high, boolean inclusive, Span span) implements Pat {}

    record Tuple(List<Pat> elements, Span span) implements Pat {}

    record TupleStruct(Path path, List<Pat> elements, Span span) implements Pat {}

    /** {@code S { a, b: pat, .. }}. */
    record Struct(Path path, List<FieldPat> fields, boolean rest, Span span) implements Pat {}

    record FieldPat(String name, Pat pattern, Span span) {}

    /** A path that names a constant, unit struct or unit variant: {@code State::Idle}, {@code MAX}. */
    record PathPat(Path path, Span span) implements Pat {}

    record Ref(boolean mutable, Pat inner, Span span) implements Pat {}

    record Or(List<Pat> alternatives, Span span) implements Pat {}

    record Slice(List<Pat> elements, Span span) implements Pat {}

    record Macro(Path path, Span span) implements Pat {}
}
