package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Slot;
import dev.rivet.ir.SourceLoc;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Appends IR to a function. After a terminator there is no current block; code that follows
 * (unreachable Rust code after a {@code return}) goes into a fresh block that nothing jumps to,
 * which the CFG clean-up removes.
 */
final class FnBuilder {
    final Function fn;
    private Block current;
    /** The expression being lowered: what is emitted now comes from it. */
    private Span span;
    /** {@code span}'s line and column, worked out when something is first emitted for it. */
    private SourceLoc loc;

    FnBuilder(Function fn) {
        this.fn = fn;
        this.current = fn.addBlock();
    }

    Block current() {
        if (current == null) current = fn.addBlock();
        return current;
    }

    boolean reachable() { return current != null; }

    /** What is emitted next comes from {@code s} (null: unchanged); returns the span before, for {@link #restore}. */
    Span at(Span s) {
        Span before = span;
        if (s != null) restore(s);
        return before;
    }

    void restore(Span s) {
        if (s != span) {
            span = s;
            loc = null;
        }
    }

    Block newBlock() { return fn.addBlock(); }

    void switchTo(Block b) { current = b; }

    Inst emit(Inst i) {
        if (i.loc == null && span != null) {
            if (loc == null) loc = new SourceLoc(span.file().name(), span.line(), span.column());
            i.loc = loc;
        }
        current().add(i);
        if (i.op.isTerminator()) current = null;
        return i;
    }

    Value iconst(Type t, long v) { return emit(Inst.constant(t, v)); }

    Value bool(boolean b) { return iconst(Type.I1, b ? 1 : 0); }

    Value binary(Op op, Value a, Value b) { return emit(Inst.binary(op, a, b)); }

    Value icmp(Cond c, Value a, Value b) { return emit(Inst.icmp(c, a, b)); }

    Value convert(Op op, Type to, Value v) { return emit(new Inst(op, to, v)); }

    Value select(Value c, Value a, Value b) { return emit(new Inst(Op.SELECT, a.type(), c, a, b)); }

    Value load(Type t, Value ptr) { return emit(Inst.load(t, ptr, false)); }

    Value loadVolatile(Type t, Value ptr) { return emit(Inst.load(t, ptr, true)); }

    void store(Value v, Value ptr) { emit(Inst.store(v, ptr, false)); }

    void storeVolatile(Value v, Value ptr) { emit(Inst.store(v, ptr, true)); }

    Value offset(Value ptr, long bytes) {
        if (bytes == 0) return ptr;
        return emit(new Inst(Op.PTRADD, Type.PTR, ptr, iconst(Type.I32, bytes)));
    }

    Value ptradd(Value ptr, Value bytes) { return emit(new Inst(Op.PTRADD, Type.PTR, ptr, bytes)); }

    void copy(Value dst, Value src, long size, int align) {
        if (size == 0) return;
        Inst c = new Inst(Op.COPY, Type.VOID, dst, src);
        c.imm = size;
        c.align = Math.max(align, Math.min(knownAlign(dst), knownAlign(src)));
        emit(c);
    }

    void fill(Value dst, Value byteValue, long size, int align) {
        if (size == 0) return;
        Inst c = new Inst(Op.FILL, Type.VOID, dst, byteValue);
        c.imm = size;
        c.align = Math.max(align, knownAlign(dst));
        emit(c);
    }

    /** The alignment a pointer is known to have: a stack slot's, or a slot's plus a constant offset's. */
    static int knownAlign(Value ptr) {
        if (ptr instanceof Inst i && i.op == Op.SLOTADDR) return i.slot.align;
        if (ptr instanceof Inst i && i.op == Op.PTRADD && i.arg(1) instanceof Inst k && k.op == Op.CONST) {
            int base = knownAlign(i.arg(0));
            long off = k.imm;
            while (base > 1 && off % base != 0) base /= 2;
            return base;
        }
        return 1;
    }

    Value symaddr(String symbol) { return emit(Inst.symaddr(symbol, 0)); }

    /** A stack slot whose address is computed once in the entry block, so it dominates every use. */
    Value slot(long size, int align) {
        Slot s = fn.addSlot((int) Math.max(size, 0), Math.max(1, align));
        Inst addr = Inst.slotaddr(s);
        fn.entry().insert(0, addr);
        return addr;
    }

    Value call(String symbol, Type ret, List<Value> args) { return emit(Inst.call(symbol, ret, args)); }

    void jump(Block to, Value... args) { emit(Inst.jmp(to, args)); }

    void branch(Value cond, Block then, Block otherwise) {
        emit(Inst.br(cond, new Target(then, List.of()), new Target(otherwise, List.of())));
    }

    void ret(Value... values) { emit(Inst.ret(values)); }

    void trap() { emit(new Inst(Op.TRAP, Type.VOID)); }
}
