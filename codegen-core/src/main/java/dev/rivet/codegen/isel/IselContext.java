package dev.rivet.codegen.isel;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.StackObject;
import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Slot;
import dev.rivet.ir.SourceLoc;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of lowering one IR function to machine instructions, and the services every ISA's
 * instruction selector uses: IR values to virtual registers (two for 64-bit values), constants
 * and addresses rematerialised where they are used, block parameters passed by parallel
 * copies (on split edges where a branch has several successors), calls and returns by the
 * calling convention.
 */
public final class IselContext {
    public final MFunction mf;
    public final Function fn;
    public final Isa isa;
    private final Map<Value, Reg[]> values = new IdentityHashMap<>();
    private final Map<Block, MBlock> blocks = new IdentityHashMap<>();
    private final Map<Slot, StackObject> slots = new IdentityHashMap<>();
    /** The argument register each incoming parameter word arrived in (where the allocator will try to keep it). */
    private final Map<Reg, Integer> incomingHome = new java.util.HashMap<>();
    private MBlock current;
    /** The source location of the IR instruction being selected: everything emitted for it gets it. */
    private SourceLoc loc;

    /** Functions of the module that never return (panics, exit). */
    private final java.util.Set<String> noReturn;

    private IselContext(Function fn, Isa isa, java.util.Set<String> noReturn) {
        this.fn = fn;
        this.isa = isa;
        this.noReturn = noReturn;
        this.mf = new MFunction(fn.name);
    }

    /** Lowers {@code fn} to a machine function over virtual registers. */
    public static MFunction lower(Function fn, Isa isa) { return lower(fn, isa, java.util.Set.of()); }

    /** As {@link #lower(Function, Isa)}, knowing which callees never return (see {@link #followsNoReturnCall}). */
    public static MFunction lower(Function fn, Isa isa, java.util.Set<String> noReturn) {
        IselContext ctx = new IselContext(fn, isa, noReturn);
        for (Block b : fn.blocks()) ctx.blocks.put(b, ctx.mf.newBlock());
        for (Slot s : fn.slots()) ctx.slots.put(s, ctx.mf.frame.local(Math.max(s.size, 1), s.align));
        for (Block b : fn.blocks()) for (Param p : b.params()) ctx.defineNew(p);
        ctx.current = ctx.blocks.get(fn.entry());
        ctx.receiveParameters();
        for (Block b : fn.blocks()) {
            ctx.current = ctx.blocks.get(b);
            ctx.loc = null;
            for (Inst i : b.insts()) {
                if (i.op == Op.CONST || i.op == Op.SLOTADDR || i.op == Op.SYMADDR) continue; // rematerialised at uses
                if (ctx.folded.contains(i)) continue;
                if (i.loc != null) ctx.loc = i.loc; // instructions passes made take the location before them
                isa.select(ctx, i);
            }
        }
        return ctx.mf;
    }

    /**
     * True when {@code trap} comes right after a direct call to a function that never returns,
     * so that no code is needed for it: control cannot reach it. (The call's return address then
     * may be the end of the function; unwinding and symbolizing look up return address - 1.)
     */
    public boolean followsNoReturnCall(Inst trap) {
        List<Inst> insts = trap.block().insts();
        int k = insts.indexOf(trap);
        if (k < 1) return false;
        Inst before = insts.get(k - 1);
        return before.op == Op.CALL && noReturn.contains(before.symbol);
    }

    // ---- emission ----

    public void emit(MInst m) {
        current.insts.add(m);
        mf.setLoc(m, loc);
    }

    public MBlock current() { return current; }

    public MBlock block(Block b) { return blocks.get(b); }

    /** The block laid out after the current one, or null. */
    public MBlock nextInLayout() {
        int i = mf.blocks.indexOf(current);
        return i + 1 < mf.blocks.size() ? mf.blocks.get(i + 1) : null;
    }

    public Reg.Virtual newReg() { return mf.newVReg(); }

    public StackObject slot(Slot s) { return slots.get(s); }

    // ---- values ----

    private Reg[] defineNew(Value v) {
        Reg[] r = isa.isPair(v.type()) ? new Reg[] {newReg(), newReg()} : new Reg[] {newReg()};
        values.put(v, r);
        return r;
    }

    /** The register(s) an instruction's result goes to. */
    public Reg[] result(Inst i) {
        Reg[] r = values.get(i);
        return r != null ? r : defineNew(i);
    }

    public Reg resultReg(Inst i) { return result(i)[0]; }

    /** A register holding a 32-bit-or-narrower value. */
    public Reg reg(Value v) {
        return regs(v)[0];
    }

    /** The register(s) holding a value, materialising constants and addresses here. */
    public Reg[] regs(Value v) {
        if (v instanceof Inst i) {
            switch (i.op) {
                case CONST -> {
                    if (isa.isPair(i.type))
                        return new Reg[] {isa.constant(this, i.imm & 0xFFFF_FFFFL), isa.constant(this, i.imm >>> 32)};
                    return new Reg[] {isa.constant(this, i.imm)};
                }
                case SLOTADDR -> { return new Reg[] {isa.stackAddress(this, slots.get(i.slot))}; }
                case SYMADDR -> { return new Reg[] {isa.symbolAddress(this, i.symbol, i.imm)}; }
                default -> { }
            }
        }
        Reg[] r = values.get(v);
        if (r == null) return defineNew(v); // defined by a block not yet lowered
        return r;
    }

    /** The register holding word {@code w} (0 low, 1 high) of a 64-bit value; a constant's other word is not built. */
    public Reg word(Value v, int w) {
        if (v instanceof Inst i && i.op == Op.CONST) return isa.constant(this, (i.imm >>> (32 * w)) & 0xFFFF_FFFFL);
        return regs(v)[w];
    }

    public static boolean isConst(Value v) { return v instanceof Inst i && i.op == Op.CONST; }

    /** Values built where they are used (constants, stack and symbol addresses). */
    public static boolean rematerialized(Value v) {
        return v instanceof Inst i && (i.op == Op.CONST || i.op == Op.SLOTADDR || i.op == Op.SYMADDR);
    }

    private Map<Value, Integer> uses;

    /** How many times {@code v} is used in the function (operands and branch arguments). */
    public int uses(Value v) {
        if (uses == null) uses = dev.rivet.ir.Cfg.useCounts(fn);
        return uses.getOrDefault(v, 0);
    }

    /** True if {@code v} is an instruction of {@code b} used only once, by {@code b}'s terminator. */
    public boolean onlyFeedsTerminator(Value v, Block b) {
        return v instanceof Inst i && i.block() == b && uses(v) == 1 && b.terminator() != null
                && b.terminator().args.contains(v);
    }

    /** Instructions a selector folded into a later one (e.g. a compare into a branch); skipped when reached. */
    public final java.util.Set<Inst> folded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public static long constValue(Value v) { return ((Inst) v).imm; }

    // ---- control flow ----

    /**
     * The block to branch to for {@code t}. Arguments to block parameters are copied on the way:
     * directly in the current block when {@code single} (the branch is the block's only exit),
     * else in a new edge block laid out right after the current one.
     */
    public int target(Target t, boolean single) {
        MBlock to = blocks.get(t.block);
        if (t.args.isEmpty()) return to.id;
        if (single) {
            copyArguments(t);
            return to.id;
        }
        MBlock edge = mf.newBlock();
        mf.blocks.remove(edge);
        mf.blocks.add(mf.blocks.indexOf(current) + 1, edge);
        MBlock saved = current;
        current = edge;
        copyArguments(t);
        emit(isa.jump(to.id));
        current = saved;
        return edge.id;
    }

    /**
     * Copies a branch's arguments into the target's parameters. Equal constants are built once
     * and copied from there: loop counters and accumulators often all start at 0, and a
     * parameter that lives on the stack then costs one store instead of a constant and a store.
     */
    private void copyArguments(Target t) {
        List<Reg> dst = new ArrayList<>(), src = new ArrayList<>();
        Map<List<Object>, Reg[]> constants = new java.util.HashMap<>();
        for (int k = 0; k < t.args.size(); k++) {
            Reg[] d = values.get(t.block.params().get(k));
            Value a = t.args.get(k);
            Reg[] s = isConst(a) ? constants.computeIfAbsent(List.of(a.type(), constValue(a)), key -> regs(a)) : regs(a);
            for (int w = 0; w < d.length; w++) {
                dst.add(d[w]);
                src.add(s[w]);
            }
        }
        for (MInst m : ParallelCopy.sequence(dst, src, isa.regs(), this::newReg)) emit(m);
    }

    // ---- calls ----

    /**
     * Passes {@code args} as the convention says (registers by moves, stack words into the
     * outgoing area), emits {@code call}, then copies the results out.
     *
     * @param call builds the call instruction given the argument registers it reads and the
     *             result registers it writes
     */
    public void call(List<Value> args, Inst result, java.util.function.BiFunction<List<Integer>, List<Integer>, MInst> call) {
        List<Integer> used = passArguments(args);
        List<Integer> results = result != null && result.hasResult() ? isa.conventions().result(result.type) : List.of();
        emit(call.apply(used, results));
        mf.makesCalls = true;
        if (!results.isEmpty()) {
            Reg[] dst = result(result);
            for (int w = 0; w < dst.length; w++) emit(isa.regs().move(dst[w], Reg.phys(results.get(w))));
        }
    }

    /**
     * Whether direct call {@code call} can be a tail call (a jump after the epilogue): the next
     * instruction returns exactly its result, every argument goes in a register, and the
     * function has no stack slots, so nothing the callee gets can point into the frame it
     * leaves.
     */
    public boolean isTailCall(Inst call) {
        if (call.op != Op.CALL || !fn.slots().isEmpty()) return false;
        List<Inst> rest = afterCall(call);
        if (rest == null) return false;
        List<Type> types = new ArrayList<>();
        for (Value a : call.args) types.add(a.type());
        return CallingConvention.stackBytes(isa.conventions().arguments(types)) == 0;
    }

    /**
     * Passes the arguments of {@code call} (see {@link #isTailCall}) and emits {@code jump}, a
     * terminator that leaves through the epilogue; the return after the call is not selected.
     *
     * @param jump builds the jump given the argument registers it reads
     */
    public void tailCall(Inst call, java.util.function.Function<List<Integer>, MInst> jump) {
        emit(jump.apply(passArguments(call.args)));
        folded.addAll(afterCall(call));
    }

    /**
     * The instructions after {@code call} when all they do is return its result: a return of
     * it, or of its low word (a 64-bit result truncated to 32 bits is in the first result
     * register already); null otherwise.
     */
    private List<Inst> afterCall(Inst call) {
        List<Inst> insts = call.block().insts();
        int k = insts.indexOf(call);
        List<Inst> rest = insts.subList(k + 1, insts.size());
        if (rest.size() == 1 && rest.getFirst().op == Op.RET) {
            Inst ret = rest.getFirst();
            boolean passes = call.hasResult() ? ret.args.size() == 1 && ret.arg(0) == call && call.type == fn.ret : ret.args.isEmpty();
            return passes ? rest : null;
        }
        if (rest.size() == 2 && rest.get(0).op == Op.TRUNC && rest.get(1).op == Op.RET) {
            Inst trunc = rest.get(0), ret = rest.get(1);
            boolean low = trunc.arg(0) == call && call.type == Type.I64 && trunc.type == Type.I32 && fn.ret == Type.I32
                    && ret.args.size() == 1 && ret.arg(0) == trunc;
            return low ? rest : null;
        }
        return null;
    }

    /**
     * Puts {@code args} where the convention says (registers by moves, stack words into the
     * outgoing area); returns the argument registers used.
     */
    private List<Integer> passArguments(List<Value> args) {
        List<Type> types = new ArrayList<>();
        for (Value a : args) types.add(a.type());
        List<ArgLocation> locs = isa.conventions().arguments(types);
        List<Integer> used = new ArrayList<>();
        List<ArgMove> moves = new ArrayList<>();
        // Constants and addresses are built last, straight into their argument registers, so
        // they do not occupy a register while the other arguments move into place.
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) if (!rematerialized(args.get(k))) order.add(k);
        for (int k = 0; k < args.size(); k++) if (rematerialized(args.get(k))) order.add(k);
        for (int k : order) {
            if (rematerialized(args.get(k))) {
                emitInOrder(moves);
                moves.clear();
            }
            Reg[] r = regs(args.get(k));
            ArgLocation loc = locs.get(k);
            for (int w = 0; w < r.length; w++) {
                if (w < loc.regs().size()) {
                    moves.add(new ArgMove(loc.regs().get(w), r[w]));
                    used.add(loc.regs().get(w));
                } else {
                    int off = loc.stackOffset() + 4 * (w - loc.regs().size());
                    emit(isa.storeOutgoing(r[w], off));
                }
            }
        }
        mf.frame.outgoingArgs = Math.max(mf.frame.outgoingArgs, CallingConvention.stackBytes(locs));
        emitInOrder(moves);
        return used;
    }

    /** A move of an argument word into its register. */
    private record ArgMove(int dst, Reg src) {}

    /**
     * Emits argument moves so that a register is written only after the moves reading the
     * parameters that arrived in it: passing {@code f(a, b)} on as {@code g(x, a, b)} shifts
     * each word up one register, last first, and the parameters can stay where they arrived
     * instead of being parked elsewhere for the shuffle. A cycle keeps the given order.
     */
    private void emitInOrder(List<ArgMove> moves) {
        List<ArgMove> left = new ArrayList<>(moves);
        while (!left.isEmpty()) {
            ArgMove next = left.getFirst();
            for (ArgMove m : left)
                if (left.stream().noneMatch(o -> o != m && Integer.valueOf(m.dst()).equals(incomingHome.get(o.src())))) {
                    next = m;
                    break;
                }
            left.remove(next);
            emit(isa.regs().move(Reg.phys(next.dst()), next.src()));
        }
    }

    /** Moves a return value into the result registers; the ISA emits the return itself. */
    public List<Integer> returnValue(Value v) {
        List<Integer> res = isa.conventions().result(v.type());
        Reg[] r = regs(v);
        for (int w = 0; w < r.length; w++) emit(isa.regs().move(Reg.phys(res.get(w)), r[w]));
        return res;
    }

    /** Copies the incoming arguments into the entry block's parameter registers. */
    private void receiveParameters() {
        List<ArgLocation> locs = isa.conventions().arguments(fn.params);
        List<Param> params = fn.entry().params();
        for (int k = 0; k < params.size(); k++) {
            Reg[] dst = values.get(params.get(k));
            ArgLocation loc = locs.get(k);
            for (int w = 0; w < dst.length; w++) {
                if (w < loc.regs().size()) {
                    emit(isa.regs().move(dst[w], Reg.phys(loc.regs().get(w))));
                    incomingHome.put(dst[w], loc.regs().get(w));
                } else {
                    int off = loc.stackOffset() + 4 * (w - loc.regs().size());
                    emit(isa.loadStack(dst[w], mf.frame.incomingArg(off, 4)));
                }
            }
        }
    }
}
