package dev.rivet.frontend.check;

import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;

/**
 * Where a type or path is written: the module (or block scope) for name lookup, the type
 * {@code Self} stands for (null outside impls), and the inference context when inside a body
 * ({@code _} is only allowed there).
 */
public record Env(ModuleScope scope, Ty selfType, Infer infer) {
    public Env withScope(ModuleScope s) { return new Env(s, selfType, infer); }
}
