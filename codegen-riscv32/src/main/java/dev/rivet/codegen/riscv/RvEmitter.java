package dev.rivet.codegen.riscv;

import static dev.rivet.codegen.riscv.RvEncoder.*;

import dev.rivet.codegen.Forwarding;
import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Fixed;
import dev.rivet.codegen.asm.Label;
import static dev.rivet.linker.RiscvRelocations.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an allocated RV32 machine function into code: one SP adjustment and c.swsp saves in
 * the prologue, the instructions in their compressed encodings wherever operands allow, and
 * branches that grow only when out of reach.
 */
final class RvEmitter {

    private final boolean compressed;
    private final int stackAlign;
    private MFunction f;
    private Assembler asm;
    private final Map<Integer, Label> labels = new HashMap<>();
    private Forwarding forwarding;
    /** Saved registers and their offsets from SP, ra first. */
    private final List<int[]> saved = new ArrayList<>();
    private int frameSize;
    /** The first SP adjustment of the prologue (the whole frame, or the save area alone). */
    private int saveStep;
    /** Functions whose prologue and returns call the shared routines, by how many s-registers those save. */
    private final Map<String, Integer> sharedSaves = new HashMap<>();
    /** The function being emitted saves through __rivet_save_N (N is this), or -1. */
    private int shared = -1;

    RvEmitter(boolean compressed, int stackAlign) {
        this.compressed = compressed;
        this.stackAlign = stackAlign;
    }

    Assembler.Result emit(MFunction fn) {
        return emit(fn, sharedSaves.getOrDefault(fn.name, -1));
    }

    /** Emits with the shared save and restore routines for {@code sRegs} s-registers, or without (-1). */
    Assembler.Result emit(MFunction fn, int sRegs) {
        f = fn;
        shared = sRegs;
        asm = newAssembler();
        labels.clear();
        for (MBlock b : f.blocks) labels.put(b.id, new Label(".L" + b.id));
        frame();
        prologue();
        forwarding = new Forwarding(f);
        List<MBlock> emitted = new ArrayList<>();
        for (MBlock b : f.blocks) if (!forwarding.dropped(b.id)) emitted.add(b);
        for (int k = 0; k < emitted.size(); k++) {
            MBlock b = emitted.get(k);
            asm.bind(labels.get(b.id));
            Integer next = k + 1 < emitted.size() ? emitted.get(k + 1).id : null;
            block(b, next);
        }
        return asm.assemble();
    }

    /** An assembler padding with c.nop or nop. */
    private Assembler newAssembler() {
        return new Assembler(compressed ? new byte[] {0x01, 0x00} : new byte[] {0x13, 0, 0, 0});
    }

    // ---- frame ----

    private void frame() {
        saved.clear();
        List<Integer> regs = new ArrayList<>();
        if (shared >= 0) {
            regs.add(RvRegs.RA);
            for (int k = 0; k < shared; k++) regs.add(RvRegs.S_REGS[k]);
        } else if (f.returns()) {
            if (f.makesCalls) regs.add(RvRegs.RA);
            for (int r : RvRegs.S_REGS) if (f.usedCalleeSaved.contains(r)) regs.add(r);
        }
        f.frame.savedBytes = 4 * regs.size();
        f.frame.layout(stackAlign, 4);
        frameSize = f.frame.localBytes() + f.frame.savedBytes;
        int at = frameSize;
        for (int r : regs) saved.add(new int[] {r, at -= 4});
        saveStep = saveStep(regs.size());
    }

    /**
     * How far the prologue moves SP before it saves registers: the whole frame, or, when the
     * saves would then lie beyond c.swsp's reach (252 bytes) in a frame with large locals, just
     * the save area first and the rest after, so that every save and restore is a 2-byte
     * instruction (one extra SP adjustment each way against 2 bytes per register each way).
     */
    private int saveStep(int savedRegs) {
        if (shared >= 0) return RvSharedSaves.area(savedRegs, stackAlign);
        int area = (4 * savedRegs + stackAlign - 1) / stackAlign * stackAlign;
        boolean split = compressed && savedRegs >= 2 && frameSize - 4 > 252 && area <= 256 && area < frameSize;
        return split ? area : frameSize;
    }

    private void prologue() {
        asm.frame(Assembler.CallFrame.ENTRY);
        int below = frameSize - saveStep;
        if (shared >= 0) {
            asm.add(new RvChunks.Relaxable(jal(RvRegs.T0, 0), R_RISCV_JAL, RvSharedSaves.saveName(shared), 0));
        } else {
            adjustSp(-saveStep);
            asm.frame(new Assembler.CallFrame(saveStep, 0)); // ra is still in its register until stored
            for (int[] s : saved) stackWord(true, s[0], s[1] - below);
        }
        if (below > 0) {
            asm.frame(new Assembler.CallFrame(saveStep, raOffset()));
            adjustSp(-below);
        }
        asm.frame(fullFrame());
    }

    private void epilogue() {
        if (shared >= 0) {
            freeLocals();
            asm.add(new RvChunks.Relaxable(jal(0, 0), R_RISCV_JAL, RvSharedSaves.restoreName(shared), 0));
            asm.frame(fullFrame());
            return;
        }
        restoreFrame();
        if (compressed) h(cJr(RvRegs.RA));
        else w(jalr(0, RvRegs.RA, 0));
        asm.frame(fullFrame()); // code after a return belongs to other paths, which run with the whole frame
    }

    /** The epilogue, then j symbol: the callee returns straight to this function's caller. */
    private void tailCall(String symbol) {
        restoreFrame();
        asm.add(new RvChunks.Relaxable(jal(0, 0), R_RISCV_JAL, symbol, 0));
        asm.frame(fullFrame());
    }

    private void restoreFrame() {
        int below = freeLocals();
        for (int[] s : saved) stackWord(false, s[0], s[1] - below);
        adjustSp(saveStep);
        asm.frame(Assembler.CallFrame.ENTRY);
    }

    /** Moves SP up to the save area (the second step of a two-step frame); returns by how much. */
    private int freeLocals() {
        int below = frameSize - saveStep;
        if (below > 0) {
            adjustSp(below);
            asm.frame(new Assembler.CallFrame(saveStep, raOffset()));
        }
        return below;
    }

    private Assembler.CallFrame fullFrame() {
        return new Assembler.CallFrame(frameSize, raOffset());
    }

    /** Where ra is saved, from the caller's SP (negative); 0 if it is not. ra is the first register stored: the highest word. */
    private int raOffset() {
        return !saved.isEmpty() && saved.getFirst()[0] == RvRegs.RA ? saved.getFirst()[1] - frameSize : 0;
    }

    private void adjustSp(int delta) {
        if (delta == 0) return;
        if (compressed && delta % 16 == 0 && delta >= -512 && delta <= 496) h(cAddi16sp(delta));
        else if (compressed && delta >= -32 && delta <= 31) h(cAddi(RvRegs.SP, delta));
        else if (RvIsel.fits12(delta)) w(i(AluImm.ADDI, RvRegs.SP, RvRegs.SP, delta));
        else {
            constant(RvRegs.T0, delta); // t0 is free at entry and exit: arguments and results live in a-registers
            op(Alu.ADD, RvRegs.SP, RvRegs.SP, RvRegs.T0);
        }
    }

    // ---- shared save and restore routines ----

    /** Sets which functions use the shared routines (see {@link RvSharedSaves}). */
    void shareSaves(Map<String, Integer> choice) {
        sharedSaves.clear();
        sharedSaves.putAll(choice);
    }

    /**
     * __rivet_save_N, called with jal t0 first thing in a prologue: makes the save area and
     * stores ra and s0..s(N-1) where the function's own prologue would have, then returns to t0.
     */
    Assembler.Result saveRoutine(int sRegs) {
        List<int[]> slots = routineSlots(sRegs);
        int area = RvSharedSaves.area(slots.size(), stackAlign);
        asm = newAssembler();
        asm.frame(Assembler.CallFrame.ENTRY);
        adjustSp(-area);
        asm.frame(new Assembler.CallFrame(area, 0)); // the caller's ra is still in ra
        for (int[] slot : slots) stackWord(true, slot[0], slot[1]);
        if (compressed) h(cJr(RvRegs.T0));
        else w(jalr(0, RvRegs.T0, 0));
        return asm.assemble();
    }

    /** __rivet_restore_N, jumped to in place of an epilogue: loads what the save stored, frees the area, returns. */
    Assembler.Result restoreRoutine(int sRegs) {
        List<int[]> slots = routineSlots(sRegs);
        int area = RvSharedSaves.area(slots.size(), stackAlign);
        asm = newAssembler();
        asm.frame(new Assembler.CallFrame(area, -4));
        for (int[] slot : slots) stackWord(false, slot[0], slot[1]);
        adjustSp(area);
        asm.frame(Assembler.CallFrame.ENTRY);
        if (compressed) h(cJr(RvRegs.RA));
        else w(jalr(0, RvRegs.RA, 0));
        return asm.assemble();
    }

    /** ra, then s0..s(N-1), each with its offset in the save area (ra highest). */
    private List<int[]> routineSlots(int sRegs) {
        List<int[]> slots = new ArrayList<>();
        int area = RvSharedSaves.area(sRegs + 1, stackAlign), at = area;
        slots.add(new int[] {RvRegs.RA, at -= 4});
        for (int k = 0; k < sRegs; k++) slots.add(new int[] {RvRegs.S_REGS[k], at -= 4});
        return slots;
    }

    // ---- blocks ----

    private void block(MBlock b, Integer next) {
        List<MInst> insts = b.insts;
        for (int k = 0; k < insts.size(); k++) {
            MInst m = insts.get(k);
            asm.source(f.loc(m));
            if (m instanceof RvInst.Branch br && k + 1 < insts.size() && insts.get(k + 1) instanceof RvInst.Jump j) {
                k++;
                int jt = forwarding.resolve(j.block()), bt = forwarding.resolve(br.block());
                if (next != null && jt == next) {
                    branch(br.op(), br.a(), br.b(), br.block());
                } else if (next != null && bt == next) {
                    branch(br.op().invert(), br.a(), br.b(), j.block());
                } else {
                    branch(br.op(), br.a(), br.b(), br.block());
                    asm.add(new RvChunks.Jump(labels.get(jt), compressed));
                }
                continue;
            }
            if (m instanceof RvInst.Jump j && next != null && forwarding.resolve(j.block()) == next) continue;
            inst((RvInst) m);
        }
    }

    private void branch(BranchOp op, Reg a, Reg b, int block) {
        asm.add(new RvChunks.Branch(op, n(a), n(b), labels.get(forwarding.resolve(block)), compressed));
    }

    private static int n(Reg r) {
        if (r instanceof Reg.Physical p) return p.num();
        throw new IllegalStateException("unallocated register " + r);
    }

    private void h(int parcel) { asm.add(Fixed.halves(parcel)); }

    private void w(int insn) { asm.add(Fixed.halves(insn & 0xFFFF, insn >>> 16)); }


    // ---- instructions ----

    private void inst(RvInst m) {
        switch (m) {
            case RvInst.Mv x -> mv(n(x.d()), n(x.s()));
            case RvInst.Li x -> constant(n(x.d()), x.value());
            case RvInst.La x -> {
                addressPart(lui(n(x.d()), 0), R_RISCV_HI20, x.symbol(), x.addend());
                addressPart(i(AluImm.ADDI, n(x.d()), n(x.d()), 0), R_RISCV_LO12_I, x.symbol(), x.addend());
            }
            case RvInst.Op x -> op(x.op(), n(x.d()), n(x.a()), n(x.b()));
            case RvInst.OpImm x -> opImm(x.op(), n(x.d()), n(x.a()), x.imm());
            case RvInst.Mem x -> memory(x.store(), x.size(), n(x.t()), n(x.base()), x.offset());
            case RvInst.StackMem x -> stackAccess(x.store(), x.size(), n(x.t()), x.slot().offset() + x.extra());
            case RvInst.OutArg x -> stackAccess(true, 4, n(x.t()), x.offset());
            case RvInst.StackAddr x -> stackAddress(n(x.d()), x.slot().offset());
            case RvInst.Branch x -> branch(x.op(), x.a(), x.b(), x.block());
            case RvInst.Jump x -> asm.add(new RvChunks.Jump(labels.get(forwarding.resolve(x.block())), compressed));
            case RvInst.Table x -> table(n(x.index()), n(x.base()), x.blocks());
            case RvInst.Call x -> {
                if (x.symbol() != null) asm.add(new RvChunks.Relaxable(jal(RvRegs.RA, 0), R_RISCV_JAL, x.symbol(), 0));
                else if (compressed) h(cJalr(n(x.target())));
                else w(jalr(RvRegs.RA, n(x.target()), 0));
            }
            case RvInst.Ret x -> epilogue();
            case RvInst.TailCall x -> tailCall(x.symbol());
            case RvInst.Trap x -> {
                if (x.elided()) return; // after a call that never returns: nothing follows in this switch
                if (compressed) h(cUnimp());
                else w(unimp());
            }
            case RvInst.Semihost x -> semihost();
            case RvInst.Select x -> select(n(x.d()), n(x.c()), n(x.a()), n(x.b()));
            case RvInst.SetPinned x -> mv(x.target(), n(x.s()));
            case RvInst.CsrRead x -> w(csr(2, n(x.d()), 0, x.csr()));
            case RvInst.CsrWrite x -> w(csr(1, 0, n(x.s()), x.csr()));
        }
    }

    private void table(int index, int base, List<Integer> blocks) {
        List<Label> cases = new ArrayList<>();
        for (int b : blocks) cases.add(labels.get(forwarding.resolve(b)));
        Label at = new Label(".Ltable_base"), start = new Label(".Ltable");
        RvChunks.JumpTable table = new RvChunks.JumpTable(at, start, cases, compressed);
        asm.bind(at);
        asm.add(table.reader(index, base));
        asm.bind(start);
        asm.add(table);
    }

    private static long[] halvesOf(int... words) {
        long[] out = new long[words.length * 2];
        for (int k = 0; k < words.length; k++) {
            out[2 * k] = words[k] & 0xFFFF;
            out[2 * k + 1] = words[k] >>> 16 & 0xFFFF;
        }
        return out;
    }

    /** Half of an address load, relaxable except in the code that sets gp (it runs before gp is valid). */
    private void addressPart(int insn, int type, String symbol, long addend) {
        if (f.setsGlobalPointer) asm.add(new Fixed(2, new long[] {insn & 0xFFFF, insn >>> 16 & 0xFFFF}, type, symbol, addend, 1));
        else asm.add(new RvChunks.Relaxable(insn, type, symbol, addend));
    }

    /**
     * The semihosting sequence slli x0,x0,31; ebreak; srai x0,x0,7, 4-byte aligned. In compressed
     * code the padding is a c.nop marked R_RISCV_ALIGN: the linker keeps it only where needed
     * once relaxation has moved the code.
     */
    private void semihost() {
        if (compressed) asm.add(new RvChunks.AlignTo4());
        asm.add(new Fixed(2, halvesOf(0x01f01013, ebreak(), 0x40705013), -1, null, 0, compressed ? 1 : 4));
    }

    private void mv(int d, int s) {
        if (d == s) return;
        if (s == 0) constant(d, 0);
        else if (compressed) h(cMv(d, s));
        else w(i(AluImm.ADDI, d, s, 0));
    }

    private static boolean fits6(int v) { return v >= -32 && v <= 31; }

    /** The shortest sequence for a 32-bit constant: c.li, addi, (c.)lui, or lui + (c.)addi. */
    void constant(int d, int v) {
        if (compressed && fits6(v)) {
            h(cLi(d, v));
        } else if (RvIsel.fits12(v)) {
            w(i(AluImm.ADDI, d, 0, v));
        } else {
            int hi = (v + 0x800) >> 12, lo = v - (hi << 12);
            int hi20 = hi & 0xFFFFF;
            int signedHi = hi20 >= 0x80000 ? hi20 - 0x100000 : hi20;
            if (compressed && d != RvRegs.SP && fits6(signedHi) && signedHi != 0) h(cLui(d, signedHi));
            else w(lui(d, hi20));
            if (lo != 0) opImm(AluImm.ADDI, d, d, lo);
        }
    }

    private void op(Alu op, int d, int a, int b) {
        if (compressed) {
            if (op == Alu.ADD && d != 0) {
                if (d == a && b != 0) {
                    h(cAdd(d, b));
                    return;
                }
                if (d == b && a != 0) {
                    h(cAdd(d, a));
                    return;
                }
            }
            int cop = switch (op) { case SUB -> 0; case XOR -> 1; case OR -> 2; case AND -> 3; default -> -1; };
            if (cop >= 0 && creg(d)) {
                if (d == a && creg(b)) {
                    h(cArith(cop, d, b));
                    return;
                }
                if (d == b && creg(a) && op != Alu.SUB) {
                    h(cArith(cop, d, a));
                    return;
                }
            }
        }
        w(r(op, d, a, b));
    }

    private void opImm(AluImm op, int d, int a, int imm) {
        if (compressed && d == a && d != 0) {
            switch (op) {
                case ADDI -> {
                    if (imm == 0) return;
                    if (fits6(imm)) {
                        h(cAddi(d, imm));
                        return;
                    }
                    if (d == RvRegs.SP && imm % 16 == 0 && imm >= -512 && imm <= 496) {
                        h(cAddi16sp(imm));
                        return;
                    }
                }
                case ANDI -> {
                    if (creg(d) && fits6(imm)) {
                        h(cAndi(d, imm));
                        return;
                    }
                }
                case SLLI -> {
                    h(cSlli(d, imm));
                    return;
                }
                case SRLI, SRAI -> {
                    if (creg(d)) {
                        h(op == AluImm.SRLI ? cSrli(d, imm) : cSrai(d, imm));
                        return;
                    }
                }
                default -> { }
            }
        }
        if (op == AluImm.ADDI && a == 0) {
            constant(d, imm);
            return;
        }
        if (op == AluImm.ADDI && imm == 0) {
            mv(d, a);
            return;
        }
        w(i(op, d, a, imm));
    }

    private void memory(boolean store, int size, int t, int base, int off) {
        if (compressed && size == 4 && creg(t) && creg(base) && off >= 0 && off <= 124 && off % 4 == 0) {
            h(store ? cSw(t, base, off) : cLw(t, base, off));
            return;
        }
        if (compressed && size == 4 && base == RvRegs.SP && off >= 0 && off <= 252 && off % 4 == 0 && (store || t != 0)) {
            h(store ? cSwsp(t, off) : cLwsp(t, off));
            return;
        }
        w(store ? RvEncoder.store(size, t, base, off) : load(size, true, t, base, off));
    }

    private void stackWord(boolean store, int reg, int off) { stackAccess(store, 4, reg, off); }

    /** An SP-relative access; beyond 12 bits the address is formed first (in the loaded register, or tp for stores). */
    private void stackAccess(boolean store, int size, int t, int off) {
        if (RvIsel.fits12(off)) {
            memory(store, size, t, RvRegs.SP, off);
            return;
        }
        int x = store ? RvRegs.TP : t;
        constant(x, off);
        op(Alu.ADD, x, x, RvRegs.SP);
        memory(store, size, t, x, 0);
    }

    private void stackAddress(int d, int off) {
        if (off == 0) {
            mv(d, RvRegs.SP);
        } else if (compressed && creg(d) && off > 0 && off < 1024 && off % 4 == 0) {
            h(cAddi4spn(d, off));
        } else if (RvIsel.fits12(off)) {
            w(i(AluImm.ADDI, d, RvRegs.SP, off));
        } else {
            constant(d, off);
            op(Alu.ADD, d, d, RvRegs.SP);
        }
    }

    /** d = c ? a : b: mv d, a; bnez c, 1f; mv d, b; 1: (d differs from a, b and c). */
    private void select(int d, int c, int a, int b) {
        mv(d, a);
        int moveSize = b == 0 ? (compressed ? 2 : 4) : compressed ? 2 : 4;
        if (compressed && creg(c)) h(cBnez(c, 2 + moveSize));
        else w(RvEncoder.branch(BranchOp.BNE, c, 0, 4 + moveSize));
        mv(d, b);
    }
}
