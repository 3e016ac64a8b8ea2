package dev.rivet.codegen.thumb;

import static dev.rivet.codegen.thumb.ThumbEncoder.*;

import dev.rivet.codegen.Forwarding;
import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Chunk;
import dev.rivet.codegen.asm.Fixed;
import dev.rivet.codegen.asm.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an allocated Thumb machine function into code: prologue ({@code push {r4-r7, lr}},
 * {@code sub sp}), the instructions with their pseudo-instructions expanded, epilogues
 * ({@code pop {.., pc}}), branches that grow only when out of reach, and literal pools placed
 * after unconditional branches before any load loses sight of its literal.
 */
final class ThumbEmitter {
    static final int R_ARM_THM_CALL = 10, R_ARM_THM_JUMP24 = 30;
    static final byte[] PAD = {0x00, (byte) 0xBF}; // nop

    /** Flush the pool at the next unconditional branch once its first load is this far behind. */
    private static final int POOL_SOFT_LIMIT = 600;
    /** Past this, put the pool here with a branch around it. */
    private static final int POOL_HARD_LIMIT = 900;

    private final boolean thumb2;
    private MFunction f;
    private Assembler asm;
    private final Map<Integer, Label> labels = new HashMap<>();
    private Forwarding forwarding;
    private LiteralPool pool;
    /** Worst-case bytes emitted so far, for pool placement. */
    private int estimate;
    private final List<Integer> pushed = new ArrayList<>();
    /** Position of each emitted block in the layout, and of the one being emitted: jump tables reach forward only. */
    private final java.util.Map<Integer, Integer> order = new java.util.HashMap<>();
    private int current;
    private boolean lrSaved;

    ThumbEmitter(boolean thumb2) {
        this.thumb2 = thumb2;
    }

    Assembler.Result emit(MFunction fn) {
        try {
            return emit(fn, false);
        } catch (ThumbChunks.NeedsLinkRegister e) {
            return emit(fn, true);
        }
    }

    /** How many times each constant is built in the function being emitted. */
    private final Map<Integer, Integer> constantUses = new HashMap<>();

    private Assembler.Result emit(MFunction fn, boolean forceLr) {
        f = fn;
        asm = new Assembler(PAD);
        labels.clear();
        pool = new LiteralPool();
        estimate = 0;
        for (MBlock b : f.blocks) labels.put(b.id, new Label(".L" + b.id));
        constantUses.clear();
        for (MBlock b : f.blocks) for (MInst i : b.insts) if (i instanceof ThumbInst.Const c) constantUses.merge(c.value(), 1, Integer::sum);
        frame(forceLr);
        prologue();
        forwarding = new Forwarding(f);
        List<MBlock> emitted = new ArrayList<>();
        for (MBlock b : f.blocks) if (!forwarding.dropped(b.id)) emitted.add(b);
        order.clear();
        for (int k = 0; k < emitted.size(); k++) order.put(emitted.get(k).id, k);
        for (int k = 0; k < emitted.size(); k++) {
            MBlock b = emitted.get(k);
            current = k;
            asm.bind(labels.get(b.id));
            Integer next = k + 1 < emitted.size() ? emitted.get(k + 1).id : null;
            block(b, next);
        }
        if (!pool.isEmpty()) pool.flush(asm);
        return asm.assemble();
    }

    // ---- frame ----

    private void frame(boolean forceLr) {
        pushed.clear();
        boolean returns = f.returns();
        if (returns) for (int r = 4; r <= 7; r++) if (f.usedCalleeSaved.contains(r)) pushed.add(r);
        lrSaved = returns && (f.makesCalls || forceLr) || forceLr;
        f.frame.savedBytes = 4 * (pushed.size() + (lrSaved ? 1 : 0));
        f.frame.layout(8, 4);
        // An odd number of saved words leaves 4 bytes of alignment padding: push one more
        // register instead of adjusting SP (r3 is caller-saved and never holds a result word).
        if (f.frame.localBytes() == 4 && f.frame.savedBytes > 0 && !usesStack() && !hasTailCall()) { // r3 may carry a tail call's argument
            pushed.addFirst(3);
            f.frame.savedBytes += 4;
            f.frame.layout(8, 4);
        }
    }

    private boolean hasTailCall() {
        for (MBlock b : f.blocks) for (MInst m : b.insts) if (m instanceof ThumbInst.TailCall) return true;
        return false;
    }

    /**
     * The epilogue, then b.w symbol. Where LR was saved (the function makes other calls too),
     * restoring it would take a 32-bit pop.w: a call and the usual epilogue are as small.
     */
    private void tailCall(String symbol) {
        if (lrSaved) {
            add(new Fixed(2, halvesOf(bl(-4)), R_ARM_THM_CALL, symbol, -4, 1));
            epilogue();
            return;
        }
        adjustSp(f.frame.localBytes(), false);
        asm.frame(pushedFrame());
        if (!pushed.isEmpty()) add(Fixed.halves(pop(registerList(), false)));
        asm.frame(Assembler.CallFrame.ENTRY);
        add(new Fixed(2, halvesOf(bw(-4)), R_ARM_THM_JUMP24, symbol, -4, 1));
        asm.frame(fullFrame());
    }

    private boolean usesStack() {
        return !f.frame.objects().isEmpty() || f.frame.outgoingArgs > 0;
    }

    private int registerList() {
        int list = 0;
        for (int r : pushed) list |= 1 << r;
        return list;
    }

    private void prologue() {
        asm.frame(Assembler.CallFrame.ENTRY);
        if (!pushed.isEmpty() || lrSaved) add(Fixed.halves(push(registerList(), lrSaved)));
        asm.frame(pushedFrame());
        adjustSp(f.frame.localBytes(), true);
        asm.frame(fullFrame());
    }

    private void epilogue() {
        adjustSp(f.frame.localBytes(), false);
        asm.frame(pushedFrame());
        if (lrSaved) {
            add(Fixed.halves(pop(registerList(), true)));
        } else {
            if (!pushed.isEmpty()) add(Fixed.halves(pop(registerList(), false)));
            asm.frame(Assembler.CallFrame.ENTRY);
            add(Fixed.halves(bx(ThumbRegs.LR)));
        }
        asm.frame(fullFrame()); // code after a return belongs to other paths, which run with the whole frame
    }

    /** After the push: LR, when saved, is the highest word pushed, just below the caller's SP. */
    private Assembler.CallFrame pushedFrame() {
        return new Assembler.CallFrame(f.frame.savedBytes, lrSaved ? -4 : 0);
    }

    private Assembler.CallFrame fullFrame() {
        return new Assembler.CallFrame(f.frame.savedBytes + f.frame.localBytes(), lrSaved ? -4 : 0);
    }

    /**
     * Moves SP by {@code bytes}: sub/add sp in steps of 508; on Thumb-2 subw/addw up to 4095;
     * beyond three steps, the amount loaded from the literal pool into a register the prologue
     * has saved (or that a function that never returns need not keep) and added to SP.
     */
    private void adjustSp(int bytes, boolean down) {
        if (thumb2 && bytes > 508 && bytes <= 4095) {
            w(down ? subwSp(bytes) : addwSp(bytes));
            return;
        }
        int scratch = !pushed.isEmpty() && pushed.getFirst() >= 4 ? pushed.getFirst() : f.returns() ? -1 : 4;
        if (bytes > 3 * 508 && scratch >= 0) {
            emitLiteralLoad(scratch, down ? -bytes : bytes);
            h(addHigh(ThumbRegs.SP, scratch));
            return;
        }
        while (bytes > 0) {
            int step = Math.min(bytes, 508);
            add(Fixed.halves(down ? subSp(step / 4) : addSp(step / 4)));
            bytes -= step;
        }
    }

    // ---- blocks ----

    private void block(MBlock b, Integer next) {
        List<MInst> insts = b.insts;
        for (int i = 0; i < insts.size(); i++) {
            MInst m = insts.get(i);
            asm.source(f.loc(m));
            if (m instanceof ThumbInst.Branch br && i + 1 < insts.size() && insts.get(i + 1) instanceof ThumbInst.Jump j) {
                i++;
                int jt = forwarding.resolve(j.block()), bt = forwarding.resolve(br.block());
                if (next != null && jt == next) {
                    branch(br.cond(), br.block()); // falls through: no pool here
                } else if (next != null && bt == next) {
                    branch(br.cond().invert(), j.block());
                } else {
                    branch(br.cond(), br.block());
                    branch(null, j.block());
                    barrier();
                }
                continue;
            }
            if (m instanceof ThumbInst.Jump j && next != null && forwarding.resolve(j.block()) == next) continue;
            if (i > 0 && i + 1 < insts.size() && flagsAlreadySet(insts.get(i - 1), m, insts.get(i + 1))) continue;
            inst((ThumbInst) m);
            if (m.isTerminator()) barrier();
            else if (pool.firstUse >= 0 && estimate - pool.firstUse > POOL_HARD_LIMIT) islandWithBranch();
        }
    }

    /**
     * True when {@code cmp} is {@code cmp r, #0} right after a 16-bit data-processing
     * instruction that wrote r (those set N and Z from their result: ands, orrs, subs, lsls,
     * ...) and the branch after it tests only Z or N: the compare would set them the same way.
     */
    private static boolean flagsAlreadySet(MInst before, MInst cmp, MInst after) {
        if (!(cmp instanceof ThumbInst.Cmp c) || c.m() != null || c.imm() != 0) return false;
        if (!(after instanceof ThumbInst.Branch br) || !(br.cond() == Cond.EQ || br.cond() == Cond.NE || br.cond() == Cond.MI || br.cond() == Cond.PL))
            return false;
        Reg written = switch (before) {
            case ThumbInst.Dp d when d.op() != Dp.CMP && d.op() != Dp.CMN && d.op() != Dp.TST -> d.dn();
            case ThumbInst.Add3 a -> a.d();
            case ThumbInst.ShiftImm sh -> sh.d();
            default -> null;
        };
        return c.n().equals(written);
    }

    /** After an unconditional transfer: a good place for a pool if one is due. */
    private void barrier() {
        if (pool.firstUse >= 0 && estimate - pool.firstUse > POOL_SOFT_LIMIT) estimate += pool.flush(asm);
    }

    private void islandWithBranch() {
        Label over = new Label("pool_end");
        add(new ThumbChunks.Branch(null, over, thumb2, lrSaved));
        estimate += pool.flush(asm);
        asm.bind(over);
    }

    private void add(Chunk c) {
        asm.add(c);
        estimate += c instanceof ThumbChunks.Branch ? 6 : c.size();
    }

    /**
     * A jump table (tbb/tbh, or the Thumb-1 reader) when every case comes later in the layout (the entries are
     * unsigned); else compares, case by case, ending in a branch to the last (the bounds check
     * before has excluded every other value).
     */
    private void table(ThumbInst.Table x) {
        List<Label> cases = new ArrayList<>();
        boolean forward = true;
        for (int b : x.blocks()) {
            int to = forwarding.resolve(b);
            forward &= order.getOrDefault(to, -1) > current;
            cases.add(labels.get(to));
        }
        if (forward) {
            ThumbChunks.JumpTable table = new ThumbChunks.JumpTable(cases, !thumb2);
            Chunk reader = table.reader(n(x.index()), x.scratch() == null ? -1 : n(x.scratch()));
            add(reader);
            add(table);
            estimate += (thumb2 ? 0 : 2) + 2 * cases.size() - table.size(); // the largest forms
            return;
        }
        for (int k = 0; k + 1 < cases.size(); k++) {
            h(cmpImm(n(x.index()), k));
            branch(Cond.EQ, x.blocks().get(k));
        }
        branch(null, x.blocks().getLast());
        barrier();
    }

    private void branch(Cond cond, int block) {
        add(new ThumbChunks.Branch(cond, labels.get(forwarding.resolve(block)), thumb2, lrSaved));
    }

    private static int n(Reg r) {
        if (r instanceof Reg.Physical p) return p.num();
        throw new IllegalStateException("unallocated register " + r);
    }

    private void h(int... hw) { add(Fixed.halves(hw)); }

    private void w(long packed) { add(Fixed.thumb32(packed)); }

    // ---- instructions ----

    private void inst(ThumbInst m) {
        switch (m) {
            case ThumbInst.Mov x -> h(movReg(n(x.d()), n(x.m())));
            case ThumbInst.Const x -> constant(n(x.d()), x.value());
            case ThumbInst.Sym x -> add(new ThumbChunks.LiteralLoad(n(x.d()), pool.symbol(x.symbol(), x.addend(), estimate), thumb2));
            case ThumbInst.Add3 x -> h(x.sub() ? subsReg(n(x.d()), n(x.n()), n(x.m())) : addsReg(n(x.d()), n(x.n()), n(x.m())));
            case ThumbInst.AddImm x -> addImm(x.sub(), n(x.d()), n(x.n()), x.imm());
            case ThumbInst.Dp x -> h(dp(x.op(), n(x.dn()), n(x.m())));
            case ThumbInst.ShiftImm x -> h(shiftImm(x.kind(), n(x.d()), n(x.m()), x.imm()));
            case ThumbInst.Cmp x -> compare(x);
            case ThumbInst.Cmp64 x -> compare(x);
            case ThumbInst.AddSub64 x -> {
                h(x.sub() ? subsReg(n(x.dlo()), n(x.alo()), n(x.blo())) : addsReg(n(x.dlo()), n(x.alo()), n(x.blo())));
                h(movReg(n(x.dhi()), n(x.ahi())), dp(x.sub() ? Dp.SBC : Dp.ADC, n(x.dhi()), n(x.bhi())));
            }
            case ThumbInst.Extend x -> h(extend(x.kind(), n(x.d()), n(x.m())));
            case ThumbInst.Rev x -> h(rev(n(x.d()), n(x.m())));
            case ThumbInst.Mem x -> memory(x);
            case ThumbInst.StackMem x -> ThumbStackAccess.stackMem(this, x.store(), n(x.t()), x.slot().offset() + x.extra());
            case ThumbInst.OutArg x -> h(strSp(n(x.t()), x.offset() / 4));
            case ThumbInst.StackAddr x -> ThumbStackAccess.stackAddress(this, n(x.d()), x.slot().offset());
            case ThumbInst.Branch x -> branch(x.cond(), x.block());
            case ThumbInst.Jump x -> branch(null, x.block());
            case ThumbInst.CaseBranch x -> {
                h(cmpImm(n(x.reg()), x.value()));
                branch(Cond.EQ, x.block());
            }
            case ThumbInst.Table x -> table(x);
            case ThumbInst.Call x -> {
                if (x.symbol() == null) h(blx(n(x.target())));
                else add(new Fixed(2, halvesOf(bl(-4)), R_ARM_THM_CALL, x.symbol(), -4, 1));
            }
            case ThumbInst.Ret x -> epilogue();
            case ThumbInst.TailCall x -> tailCall(x.symbol());
            case ThumbInst.Trap x -> { if (!x.elided()) h(udf(0xFE)); }
            case ThumbInst.Semihost x -> h(bkpt(0xAB));
            case ThumbInst.SetCond x -> {
                h(movsImm(n(x.d()), 1));
                compare(x.cmp());
                h(bcond(x.cond().ordinal(), 0), movsImm(n(x.d()), 0));
            }
            case ThumbInst.Select x -> {
                h(movReg(n(x.d()), n(x.a())));
                compare(x.cmp());
                h(bcond(x.cond().ordinal(), 0), movReg(n(x.d()), n(x.b())));
            }
            case ThumbInst.Wide x -> w(switch (x.op()) {
                case "udiv" -> udiv(n(x.d()), n(x.n()), n(x.m()));
                case "sdiv" -> sdiv(n(x.d()), n(x.n()), n(x.m()));
                case "clz" -> clz(n(x.d()), n(x.n()));
                case "rbit" -> rbit(n(x.d()), n(x.n()));
                default -> throw new IllegalStateException("unknown wide op " + x.op());
            });
            case ThumbInst.Umull x -> w(umull(n(x.lo()), n(x.hi()), n(x.n()), n(x.m())));
            case ThumbInst.Mla x -> w(x.sub() ? mls(n(x.d()), n(x.n()), n(x.m()), n(x.a())) : mla(n(x.d()), n(x.n()), n(x.m()), n(x.a())));
        }
    }

    private static long[] halvesOf(long packed) { return new long[] {packed >>> 16 & 0xFFFF, packed & 0xFFFF}; }

    private void compare(ThumbInst.Compare c) {
        switch (c) {
            case ThumbInst.Cmp x -> h(x.m() == null ? cmpImm(n(x.n()), x.imm()) : dp(Dp.CMP, n(x.n()), n(x.m())));
            case ThumbInst.Cmp64 x -> h(dp(Dp.CMP, n(x.alo()), n(x.blo())), movReg(n(x.tmp()), n(x.ahi())), dp(Dp.SBC, n(x.tmp()), n(x.bhi())));
        }
    }

    private void addImm(boolean sub, int d, int src, int imm) {
        if (d == src && imm < 256) h(sub ? subsImm8(d, imm) : addsImm8(d, imm));
        else if (imm < 8) h(sub ? subsImm3(d, src, imm) : addsImm3(d, src, imm));
        else h(movReg(d, src), sub ? subsImm8(d, imm) : addsImm8(d, imm));
    }

    /**
     * Builds a 32-bit constant in the fewest bytes: one or two 16-bit instructions, MOVW, or a
     * literal. A constant that takes 4 bytes inline but is built three times or more in the
     * function is loaded from the literal pool instead: 2 bytes each, plus the one shared word.
     */
    void constant(int d, int v) {
        if (v >= 0 && v < 256) {
            h(movsImm(d, v));
        } else if (constantUses.getOrDefault(v, 0) >= 3) {
            add(new ThumbChunks.LiteralLoad(d, pool.constant(v, estimate), thumb2));
        } else if (~v >= 0 && ~v < 256) {
            h(movsImm(d, ~v), dp(Dp.MVN, d, d));
        } else if (v > 255 && v <= 510) {
            h(movsImm(d, 255), addsImm8(d, v - 255));
        } else if (shiftedByte(v) >= 0) {
            int s = shiftedByte(v);
            h(movsImm(d, v >>> s), shiftImm(0, d, d, s));
        } else if (thumb2 && v >= 0 && v < 0x10000) {
            w(movw(d, v));
        } else {
            add(new ThumbChunks.LiteralLoad(d, pool.constant(v, estimate), thumb2));
        }
    }

    /** The shift s such that v == b << s for a byte b, or -1. */
    private static int shiftedByte(int v) {
        if (v == 0) return -1;
        int s = Integer.numberOfTrailingZeros(v);
        return Integer.compareUnsigned(v >>> s, 256) < 0 ? s : -1;
    }

    private void memory(ThumbInst.Mem x) {
        int t = n(x.t()), base = n(x.base());
        if (x.index() != null) {
            int op = x.store() ? (x.size() == 4 ? 0 : x.size() == 2 ? 1 : 2) : (x.size() == 4 ? 4 : x.size() == 2 ? 5 : 6);
            h(memReg(op, t, base, n(x.index())));
            return;
        }
        int off = x.offset();
        if (off < 0 || off % x.size() != 0 || off / x.size() > 31)
            throw new IllegalStateException("offset " + off + " out of range for a " + x.size() + "-byte access");
        int op = switch (x.size()) {
            case 4 -> x.store() ? 0 : 1;
            case 1 -> x.store() ? 2 : 3;
            default -> x.store() ? 4 : 5;
        };
        h(memImm(op, t, base, off / x.size()));
    }

    // ---- services for ThumbStackAccess ----

    void emitHalves(int... hw) { h(hw); }

    void emitLiteralLoad(int rd, int value) { add(new ThumbChunks.LiteralLoad(rd, pool.constant(value, estimate), thumb2)); }
}
