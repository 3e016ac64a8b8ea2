package dev.rivet.codegen.thumb;

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
 * Loads, stores, block copies and fills on Thumb. An address {@code ptradd base, K} used only by
 * one load or store folds into the access as {@code [base, #K]} (or {@code [base, index]}),
 * and stack slots are reached SP-relative. Small copies and fills are inlined as word, halfword
 * or byte moves; larger ones call {@code memcpy}/{@code memset}.
 */
final class ThumbMemory {
    /** Copies and fills of at most this many pieces are inlined; a call costs about as much. */
    private static final int MAX_INLINE_PIECES = 4;

    private final ThumbIsel isel;

    ThumbMemory(ThumbIsel isel) {
        this.isel = isel;
    }

    /** Where an access goes: an SP-relative word, or base plus an immediate or an index register. */
    private sealed interface Address {}

    private record Stack(StackObject slot, int extra) implements Address {}

    private record Based(Reg base, Reg index, int offset) implements Address {}

    void select(IselContext ctx, Inst i) {
        switch (i.op) {
            case LOAD -> {
                Address a = address(ctx, i.arg(0), i.type.bytes());
                Reg[] d = ctx.result(i);
                for (int w = 0; w < d.length; w++) access(ctx, false, Math.min(i.type.bytes(), 4), d[w], a, 4 * w);
            }
            case STORE -> {
                Type t = i.arg(0).type();
                Reg[] v = ctx.regs(i.arg(0));
                Address a = address(ctx, i.arg(1), t.bytes());
                for (int w = 0; w < v.length; w++) access(ctx, true, Math.min(t.bytes(), 4), v[w], a, 4 * w);
            }
            case COPY -> copy(ctx, i);
            case FILL -> fill(ctx, i);
            default -> throw new IllegalStateException("not a memory operation: " + i.op);
        }
    }

    private static void access(IselContext ctx, boolean store, int size, Reg t, Address a, int extra) {
        switch (a) {
            case Stack s -> ctx.emit(new ThumbInst.StackMem(store, t, s.slot(), s.extra() + extra));
            case Based b -> ctx.emit(new ThumbInst.Mem(store, size, false, t, b.base(), b.index(), b.offset() + extra));
        }
    }

    private Address address(IselContext ctx, Value ptr, int size) {
        if (ptr instanceof Inst p && p.op == Op.SLOTADDR && size % 4 == 0 && p.slot.align >= 4)
            return new Stack(ctx.slot(p.slot), 0);
        if (ptr instanceof Inst p && p.op == Op.PTRADD && foldedAddress(ctx, p)) {
            Value base = p.arg(0), off = p.arg(1);
            if (!IselContext.isConst(off)) return new Based(ctx.reg(base), ctx.reg(off), 0);
            int k = (int) IselContext.constValue(off);
            if (base instanceof Inst b && b.op == Op.SLOTADDR && size % 4 == 0 && b.slot.align >= 4)
                return new Stack(ctx.slot(b.slot), k);
            return new Based(ctx.reg(base), null, k);
        }
        return new Based(ctx.reg(ptr), null, 0);
    }

    /**
     * Whether {@code ptradd}'s only use is the address of a load or store in the same block that
     * can encode its offset; then no separate add is emitted.
     */
    boolean foldedAddress(IselContext ctx, Inst ptradd) {
        if (ctx.uses(ptradd) != 1) return false;
        Inst user = null;
        for (Inst u : ptradd.block().insts())
            if (u.op == Op.LOAD && u.arg(0) == ptradd || u.op == Op.STORE && u.arg(1) == ptradd && u.arg(0) != ptradd) user = u;
        if (user == null) return false;
        Type t = user.op == Op.LOAD ? user.type : user.arg(0).type();
        int size = t.bytes();
        Value off = ptradd.arg(1);
        if (!IselContext.isConst(off)) return size <= 4;
        long k = Type.I32.signed(IselContext.constValue(off));
        Value base = ptradd.arg(0);
        if (base instanceof Inst b && b.op == Op.SLOTADDR && size % 4 == 0 && b.slot.align >= 4) return k >= 0 && k % 4 == 0;
        int unit = Math.min(size, 4);
        return k >= 0 && k % unit == 0 && (k + size - unit) / unit <= 31;
    }

    // ---- copies and fills ----

    private void copy(IselContext ctx, Inst i) {
        int n = (int) i.imm;
        if (n == 0) return;
        List<Pieces.Piece> pieces = Pieces.split(n, i.align);
        Reg dst = ctx.reg(i.arg(0)), src = ctx.reg(i.arg(1));
        if (inlinable(pieces, MAX_INLINE_PIECES)) {
            for (Pieces.Piece p : pieces) {
                Reg t = ctx.newReg();
                ctx.emit(new ThumbInst.Mem(false, p.size(), false, t, src, null, p.offset()));
                ctx.emit(new ThumbInst.Mem(true, p.size(), false, t, dst, null, p.offset()));
            }
            return;
        }
        isel.callHelper(ctx, "memcpy", List.of(dst, src, isel.constant(ctx, n)), 0);
    }

    private void fill(IselContext ctx, Inst i) {
        int n = (int) i.imm;
        if (n == 0) return;
        Value b = i.arg(1);
        Reg dst = ctx.reg(i.arg(0));
        List<Pieces.Piece> pieces = Pieces.split(n, i.align);
        if (IselContext.isConst(b) && inlinable(pieces, MAX_INLINE_PIECES + 2)) {
            long v = IselContext.constValue(b) & 0xFF;
            Reg[] pattern = new Reg[5];
            for (Pieces.Piece p : pieces) {
                if (pattern[p.size()] == null)
                    pattern[p.size()] = isel.constant(ctx, p.size() == 1 ? v : p.size() == 2 ? v * 0x0101 : v * 0x0101_0101L);
                ctx.emit(new ThumbInst.Mem(true, p.size(), false, pattern[p.size()], dst, null, p.offset()));
            }
            return;
        }
        isel.callHelper(ctx, "memset", List.of(dst, isel.zeroExtended(ctx, b), isel.constant(ctx, n)), 0);
    }

    /** Few enough accesses, each with an offset the 16-bit forms encode. */
    private static boolean inlinable(List<Pieces.Piece> pieces, int max) {
        if (pieces.size() > max) return false;
        for (Pieces.Piece p : pieces) if (p.offset() / p.size() > 31 || p.offset() % p.size() != 0) return false;
        return true;
    }

}
