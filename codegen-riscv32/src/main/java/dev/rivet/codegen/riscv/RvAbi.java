package dev.rivet.codegen.riscv;

import dev.rivet.codegen.isel.ArgLocation;
import dev.rivet.codegen.isel.CallingConvention;
import dev.rivet.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The ilp32 and ilp32e integer calling conventions (RISC-V ELF psABI): arguments in a0-a7
 * (ilp32e: a0-a5), a 64-bit value in two consecutive registers (low word first, any pair), or
 * split between the last register and the stack, or on the stack aligned to 8 (ilp32e: 4).
 * Results in a0, a0:a1. The stack is 16-byte aligned (ilp32e: 4).
 */
final class RvAbi implements CallingConvention {
    private final boolean embedded;

    RvAbi(boolean embedded) {
        this.embedded = embedded;
    }

    private int argRegs() { return embedded ? 6 : 8; }

    @Override
    public List<ArgLocation> arguments(List<Type> types) {
        List<ArgLocation> out = new ArrayList<>();
        int next = 0, stack = 0;
        for (Type t : types) {
            if (t == Type.I64) {
                if (next + 1 < argRegs()) {
                    out.add(ArgLocation.inRegs(10 + next, 11 + next));
                    next += 2;
                } else if (next + 1 == argRegs()) {
                    out.add(new ArgLocation(List.of(10 + next), stack)); // low in a7, high on the stack
                    next++;
                    stack += 4;
                } else {
                    if (!embedded) stack = (stack + 7) & ~7;
                    out.add(ArgLocation.onStack(stack));
                    stack += 8;
                }
            } else if (next < argRegs()) {
                out.add(ArgLocation.inRegs(10 + next++));
            } else {
                out.add(ArgLocation.onStack(stack));
                stack += 4;
            }
        }
        return out;
    }

    @Override
    public List<Integer> result(Type t) {
        if (t == Type.VOID) return List.of();
        return t == Type.I64 ? List.of(10, 11) : List.of(10);
    }

    @Override
    public int stackAlign() { return embedded ? 4 : 16; }
}
