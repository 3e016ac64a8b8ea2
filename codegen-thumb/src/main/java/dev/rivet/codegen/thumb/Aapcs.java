package dev.rivet.codegen.thumb;

import dev.rivet.codegen.isel.ArgLocation;
import dev.rivet.codegen.isel.CallingConvention;
import dev.rivet.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARM procedure call standard's base variant: arguments in r0-r3, 64-bit values in an even
 * register pair (r0:r1 or r2:r3) or 8-byte aligned on the stack; once an argument goes to the
 * stack, all later ones do. Results in r0, or r0:r1. SP is 8-byte aligned at calls.
 */
final class Aapcs implements CallingConvention {
    @Override
    public List<ArgLocation> arguments(List<Type> types) {
        List<ArgLocation> out = new ArrayList<>();
        int next = 0, stack = 0;
        for (Type t : types) {
            if (t == Type.I64) {
                if (next % 2 == 1) next++;
                if (next + 1 < 4) {
                    out.add(ArgLocation.inRegs(next, next + 1));
                    next += 2;
                } else {
                    next = 4;
                    stack = (stack + 7) & ~7;
                    out.add(ArgLocation.onStack(stack));
                    stack += 8;
                }
            } else if (next < 4) {
                out.add(ArgLocation.inRegs(next++));
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
        return t == Type.I64 ? List.of(0, 1) : List.of(0);
    }

    @Override
    public int stackAlign() { return 8; }
}
