package dev.rivet.codegen.riscv;

import dev.rivet.codegen.Reg;
import dev.rivet.codegen.StackObject;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.codegen.isel.Pieces;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Loads, stores, copies and fills on RV32. Accesses take base + 12-bit offset, so a
 * {@code ptradd base, K} used only by one load or store folds into it, and stack slots are
 * reached SP-relative. Small copies and fills are inlined; larger ones call memcpy/memset.
 */
final class RvMemory {
    private static final int MAX_INLINE_PIECES = 4;

    private final RvIsel isel;

    RvMemory(RvIsel isel) {
        this.isel = isel;
    }

    private sealed interface Address {}

    private record Stack(StackObject slot, int extra) implements Address {}

    private record Based(Reg base, int offset) implements Address {}

    void select(IselContext ctx, Inst i) {
        switch (i.op) {
            case LOAD -> {
                Reg[] d = ctx.result(i);
                Address a = address(ctx, i.arg(0));
                for (int w = 0; w < d.length; w++) access(ctx, false, Math.min(i.type.bytes(), 4), d[w], a, 4 * w);
            }
            case STORE -> {
                Type t = i.arg(0).type();
                Reg[] v = ctx.regs(i.arg(0));
                Address a = address(ctx, i.arg(1));
                for (int w = 0; w < v.length; w++) access(ctx, true, Math.min(t.bytes(), 4), v[w], a, 4 * w);
            }
            case COPY -> copy(ctx, i);
            case FILL -> fill(ctx, i);
            default -> throw new IllegalStateException("not a memory operation: " + i.op);
        }
    }

    private static void access(IselContext ctx, boolean store, int size, Reg t, Address a, int extra) {
        switch (a) {
            case Stack s -> ctx.emit(new RvInst.StackMem(store, size, t, s.slot(), s.extra() + extra));
            case Based b -> ctx.emit(new RvInst.Mem(store, size, t, b.base(), b.offset() + extra));
        }
    }

    private Address address(IselContext ctx, Value ptr) {
        if (ptr instanceof Inst p && p.op == Op.SLOTADDR) return new Stack(ctx.slot(p.slot), 0);
        if (ptr instanceof Inst p && p.op == Op.PTRADD && foldedAddress(ctx, p)) {
            int k = (int) Type.I32.signed(IselContext.constValue(p.arg(1)));
            if (p.arg(0) instanceof Inst b && b.op == Op.SLOTADDR) return new Stack(ctx.slot(b.slot), k);
            return new Based(ctx.reg(p.arg(0)), k);
        }
        return new Based(ctx.reg(ptr), 0);
    }

    /** Whether {@code ptradd} is only the address of one load or store in its block, with an offset that fits. */
    boolean foldedAddress(IselContext ctx, Inst ptradd) {
        if (ctx.uses(ptradd) != 1 || !IselContext.isConst(ptradd.arg(1))) return false;
        Inst user = null;
        for (Inst u : ptradd.block().insts())
            if (u.op == Op.LOAD && u.arg(0) == ptradd || u.op == Op.STORE && u.arg(1) == ptradd && u.arg(0) != ptradd) user = u;
        if (user == null) return false;
        int size = (user.op == Op.LOAD ? user.type : user.arg(0).type()).bytes();
        long k = Type.I32.signed(IselContext.constValue(ptradd.arg(1)));
        if (ptradd.arg(0) instanceof Inst b && b.op == Op.SLOTADDR) return k >= 0;
        return RvIsel.fits12(k) && RvIsel.fits12(k + size - 1);
    }

    private void copy(IselContext ctx, Inst i) {
        int n = (int) i.imm;
        if (n == 0) return;
        List<Pieces.Piece> pieces = Pieces.split(n, i.align);
        Reg dst = ctx.reg(i.arg(0)), src = ctx.reg(i.arg(1));
        if (pieces.size() <= MAX_INLINE_PIECES) {
            for (Pieces.Piece p : pieces) {
                Reg t = ctx.newReg();
                ctx.emit(new RvInst.Mem(false, p.size(), t, src, p.offset()));
                ctx.emit(new RvInst.Mem(true, p.size(), t, dst, p.offset()));
            }
            return;
        }
        isel.helper(ctx, "memcpy", List.of(dst, src, isel.freshConstant(ctx, n)), null);
    }

    private void fill(IselContext ctx, Inst i) {
        int n = (int) i.imm;
        if (n == 0) return;
        Value b = i.arg(1);
        Reg dst = ctx.reg(i.arg(0));
        List<Pieces.Piece> pieces = Pieces.split(n, i.align);
        if (IselContext.isConst(b) && pieces.size() <= MAX_INLINE_PIECES + 2) {
            long v = IselContext.constValue(b) & 0xFF;
            Reg[] pattern = new Reg[5];
            for (Pieces.Piece p : pieces) {
                if (pattern[p.size()] == null)
                    pattern[p.size()] = isel.constant(ctx, p.size() == 1 ? v : p.size() == 2 ? v * 0x0101 : v * 0x0101_0101L);
                ctx.emit(new RvInst.Mem(true, p.size(), pattern[p.size()], dst, p.offset()));
            }
            return;
        }
        isel.helper(ctx, "memset", List.of(dst, isel.zeroExtended(ctx, b), isel.freshConstant(ctx, n)), null);
    }

}
