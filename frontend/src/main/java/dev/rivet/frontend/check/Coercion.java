package dev.rivet.frontend.check;

import dev.rivet.frontend.types.Ty;

/** An implicit conversion at a coercion site, from the expression's own type to {@code target}. */
public record Coercion(Kind kind, Ty target) {
    public enum Kind {
        /** {@code &[T; N]} to {@code &[T]} (and the mut forms). */
        UNSIZE,
        /** {@code &mut T} to {@code &T}, {@code *mut T} to {@code *const T}. */
        WEAKEN,
        /** {@code &T} to {@code *const T}, {@code &mut T} to {@code *mut T}. */
        REF_TO_PTR,
        /** A function item to a function pointer. */
        FN_TO_PTR,
        /** {@code !} to anything. */
        NEVER
    }
}
