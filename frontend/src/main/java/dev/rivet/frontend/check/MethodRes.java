package dev.rivet.frontend.check;

import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Ty;

/**
 * How a method call was resolved: the receiver is dereferenced {@code derefs} times, then
 * borrowed as {@code autoref} says, then passed to either a user method or a built-in one.
 *
 * @param receiver the receiver's type after the derefs (before the autoref)
 * @param unsize   true when an array receiver is viewed as a slice
 */
public record MethodRes(FnInfo fn, String builtin, int derefs, AutoRef autoref, boolean unsize, Ty receiver) {
    public enum AutoRef { NONE, SHARED, MUT }

    public boolean isBuiltin() { return builtin != null; }
}
