package dev.rivet.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * One instruction. The op says what it does; {@code type} is its result type ({@link Type#VOID}
 * when it produces nothing, as stores do: the stored type is their value operand's). Value operands are in {@link #args};
 * everything else an op needs is in the payload fields, each used by the ops named beside it.
 *
 * <p>Instructions are mutable so that passes can rewrite operands in place. They hold no use
 * lists: a pass that needs uses counts them over the function.
 */
public final class Inst implements Value {
    public Op op;
    public Type type;
    public final List<Value> args = new ArrayList<>();

    /** CONST: the value (zero-extended to 64 bits); SYMADDR: byte offset; COPY/FILL: byte count. */
    public long imm;
    /** COPY, FILL: alignment both pointers are known to have. */
    public int align = 1;
    /** ICMP. */
    public Cond cond;
    /** SYMADDR, CALL: the symbol. */
    public String symbol;
    /** SLOTADDR. */
    public Slot slot;
    /** LOAD, STORE. */
    public boolean isVolatile;
    /** JMP: one target; BR: then, else; SWITCH: default, then one per case. */
    public final List<Target> targets = new ArrayList<>();
    /** SWITCH: the value of each case, in the order of targets 1..n. */
    public long[] cases = new long[0];
    /** CALL_INDIRECT: the callee's signature. */
    public Signature signature;
    /** The source expression this came from, or null (instructions passes create). */
    public SourceLoc loc;

    Block block;

    public Inst(Op op, Type type, Value... args) {
        this.op = op;
        this.type = type;
        this.args.addAll(List.of(args));
    }

    @Override
    public Type type() { return type; }

    public Block block() { return block; }

    public Value arg(int i) { return args.get(i); }

    public boolean isConst() { return op == Op.CONST; }

    public boolean hasResult() { return type != Type.VOID; }

    /** Replaces every operand equal to {@code from} (including branch arguments) with {@code to}. */
    public void replaceUses(Value from, Value to) {
        args.replaceAll(v -> v == from ? to : v);
        for (Target t : targets) t.args.replaceAll(v -> v == from ? to : v);
    }

    /** Successor blocks, in target order (with repetitions). */
    public List<Block> successors() {
        List<Block> s = new ArrayList<>(targets.size());
        for (Target t : targets) s.add(t.block);
        return s;
    }

    // ---- factories for common shapes ----

    public static Inst constant(Type t, long value) {
        Inst i = new Inst(Op.CONST, t);
        i.imm = t.wrap(value);
        return i;
    }

    public static Inst binary(Op op, Value a, Value b) {
        return new Inst(op, a.type(), a, b);
    }

    public static Inst icmp(Cond c, Value a, Value b) {
        Inst i = new Inst(Op.ICMP, Type.I1, a, b);
        i.cond = c;
        return i;
    }

    public static Inst jmp(Block to, Value... args) {
        Inst i = new Inst(Op.JMP, Type.VOID);
        i.targets.add(new Target(to, List.of(args)));
        return i;
    }

    public static Inst br(Value cond, Target then, Target otherwise) {
        Inst i = new Inst(Op.BR, Type.VOID, cond);
        i.targets.add(then);
        i.targets.add(otherwise);
        return i;
    }

    public static Inst ret(Value... values) {
        return new Inst(Op.RET, Type.VOID, values);
    }

    public static Inst load(Type t, Value ptr, boolean isVolatile) {
        Inst i = new Inst(Op.LOAD, t, ptr);
        i.isVolatile = isVolatile;
        return i;
    }

    public static Inst store(Value value, Value ptr, boolean isVolatile) {
        Inst i = new Inst(Op.STORE, Type.VOID, value, ptr);
        i.isVolatile = isVolatile;
        return i;
    }

    public static Inst call(String symbol, Type ret, List<Value> args) {
        Inst i = new Inst(Op.CALL, ret);
        i.symbol = symbol;
        i.args.addAll(args);
        return i;
    }

    public static Inst symaddr(String symbol, long offset) {
        Inst i = new Inst(Op.SYMADDR, Type.PTR);
        i.symbol = symbol;
        i.imm = offset;
        return i;
    }

    public static Inst slotaddr(Slot slot) {
        Inst i = new Inst(Op.SLOTADDR, Type.PTR);
        i.slot = slot;
        return i;
    }
}
