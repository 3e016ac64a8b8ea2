package dev.rivet.ir;

/** An SSA value: an instruction's result or a block parameter. Identity is object identity. */
public sealed interface Value permits Inst, Param {
    Type type();
}
