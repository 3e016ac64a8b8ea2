package dev.rivet.codegen.isel;

import dev.rivet.ir.Type;
import java.util.List;

/** An ABI's argument and result rules, for IR types (64-bit values take two words). */
public interface CallingConvention {
    /** Locations of arguments of these types, in order. */
    List<ArgLocation> arguments(List<Type> types);

    /** Registers holding a result of this type (empty for void). */
    List<Integer> result(Type t);

    /** Alignment of the stack pointer at calls. */
    int stackAlign();

    /** Bytes of outgoing stack arguments the locations need. */
    static int stackBytes(List<ArgLocation> locs) {
        int n = 0;
        for (ArgLocation l : locs) if (l.stackOffset() >= 0) n = Math.max(n, l.stackOffset() + (l.split() ? 4 : 8));
        return n;
    }
}
