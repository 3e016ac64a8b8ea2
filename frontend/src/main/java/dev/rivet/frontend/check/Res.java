package dev.rivet.frontend.check;

import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.StaticInfo;
import dev.rivet.frontend.types.Ty;

/** What a value path in a body refers to, as decided by the type checker. */
public sealed interface Res {
    record LocalRes(Local local) implements Res {}

    record FnRes(FnInfo fn) implements Res {}

    record ConstRes(ConstInfo info) implements Res {}

    record StaticRes(StaticInfo info) implements Res {}

    /** A tuple-like or unit struct or variant: a constructor function or the unit value. */
    record CtorRes(AdtInfo adt, AdtInfo.Variant variant) implements Res {}

    /** A compiler-implemented function ({@code core::ptr::read_volatile}, {@code u32::from_le_bytes}). */
    record IntrinsicRes(String name, Ty self) implements Res {}

    /** A constant the compiler knows ({@code u32::MAX}, {@code i8::BITS}). */
    record ValueRes(ConstValue value) implements Res {}
}
