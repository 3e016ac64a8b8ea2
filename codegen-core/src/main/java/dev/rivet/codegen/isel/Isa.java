package dev.rivet.codegen.isel;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Type;

/**
 * What an instruction set supplies to the shared lowering driver: its registers and calling
 * convention, how to materialise constants and addresses, how to select instructions for each
 * IR instruction, and the few instruction shapes the driver itself emits.
 */
public interface Isa {
    RegInfo regs();

    CallingConvention conventions();

    /** Selects machine instructions for one IR instruction (terminators included). */
    void select(IselContext ctx, Inst inst);

    /** A register holding a 32-bit constant (also used for i1, i8, i16 and ptr constants). */
    Reg constant(IselContext ctx, long value);

    /** A register holding the address of a stack object. */
    Reg stackAddress(IselContext ctx, StackObject slot);

    /** A register holding the address of a symbol plus offset. */
    Reg symbolAddress(IselContext ctx, String symbol, long offset);

    /** An unconditional jump to a block. */
    MInst jump(int block);

    /** Loads a 32-bit word of the incoming stack arguments. */
    MInst loadStack(Reg dst, StackObject slot);

    /** Stores a 32-bit word into the outgoing argument area at {@code offset} from SP. */
    MInst storeOutgoing(Reg src, int offset);

    /** True if values of this type need two registers (64-bit). */
    default boolean isPair(Type t) { return t == Type.I64; }
}
