package dev.rivet.codegen.riscv;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Chunk;
import dev.rivet.codegen.asm.Label;
import dev.rivet.codegen.riscv.RvEncoder.BranchOp;
import dev.rivet.linker.RiscvRelocations;

/**
 * RV32 branches and jumps: compressed first where the operands allow, grown when out of reach.
 * Every branch to a label carries a relocation against it, and calls and address loads carry
 * R_RISCV_RELAX, so that a linker may shorten code (relaxation) and still patch every branch.
 */
final class RvChunks {
    private RvChunks() {}

    private static boolean fits(long v, long lo, long hi) { return v >= lo && v <= hi; }

    private static void put(Assembler.Output out, int insn) {
        out.put32(insn);
    }

    /**
     * b&lt;op&gt; a, b, label. Forms: c.beqz/c.bnez (±256 bytes, a in x8-x15 compared with zero),
     * the 32-bit branch (±4 KiB), then the inverted branch over a jal (±1 MiB).
     */
    static final class Branch implements Chunk {
        private final BranchOp op;
        private final int a, b;
        private final Label target;
        private int form;

        Branch(BranchOp op, int a, int b, Label target, boolean compressed) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.target = target;
            boolean short16 = compressed && b == 0 && RvEncoder.creg(a) && (op == BranchOp.BEQ || op == BranchOp.BNE);
            this.form = short16 ? 0 : 1;
        }

        @Override public Label target() { return target; }

        @Override public int size() { return form == 0 ? 2 : form == 1 ? 4 : 8; }

        @Override
        public boolean reaches(long at, long to) {
            long off = to - at;
            return switch (form) {
                case 0 -> fits(off, -256, 254);
                case 1 -> fits(off, -4096, 4094);
                default -> fits(off - 4, -(1 << 20), (1 << 20) - 2);
            };
        }

        @Override
        public boolean grow() {
            if (form == 2) return false;
            form++;
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int off = out.labelOffset(target) - out.offset();
            switch (form) {
                case 0 -> {
                    out.labelReloc(RiscvRelocations.R_RISCV_RVC_BRANCH, target);
                    out.put16(op == BranchOp.BEQ ? RvEncoder.cBeqz(a, off) : RvEncoder.cBnez(a, off));
                }
                case 1 -> {
                    out.labelReloc(RiscvRelocations.R_RISCV_BRANCH, target);
                    put(out, RvEncoder.branch(op, a, b, off));
                }
                default -> {
                    put(out, RvEncoder.branch(op.invert(), a, b, 8));
                    out.labelReloc(RiscvRelocations.R_RISCV_JAL, target);
                    put(out, RvEncoder.jal(0, off - 4));
                }
            }
        }
    }

    /** j label: c.j (±2 KiB), then jal x0 (±1 MiB). */
    static final class Jump implements Chunk {
        private final Label target;
        private boolean wide;

        Jump(Label target, boolean compressed) {
            this.target = target;
            this.wide = !compressed;
        }

        @Override public Label target() { return target; }

        @Override public int size() { return wide ? 4 : 2; }

        @Override
        public boolean reaches(long at, long to) {
            long off = to - at;
            return wide ? fits(off, -(1 << 20), (1 << 20) - 2) : fits(off, -2048, 2046);
        }

        @Override
        public boolean grow() {
            if (wide) return false;
            wide = true;
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int off = out.labelOffset(target) - out.offset();
            out.labelReloc(wide ? RiscvRelocations.R_RISCV_JAL : RiscvRelocations.R_RISCV_RVC_JUMP, target);
            if (wide) put(out, RvEncoder.jal(0, off));
            else out.put16(RvEncoder.cJ(off));
        }
    }

    /** A 32-bit instruction with a relocation the linker may relax (R_RISCV_RELAX at the same offset). */
    record Relaxable(int insn, int type, String symbol, long addend) implements Chunk {
        @Override public int size() { return 4; }

        @Override
        public void encode(Assembler.Output out) {
            out.reloc(type, symbol, addend);
            out.reloc(RiscvRelocations.R_RISCV_RELAX, null, 0);
            put(out, insn);
        }
    }

    /**
     * The most padding an alignment to 4 bytes can need in compressed code: one c.nop, marked
     * R_RISCV_ALIGN, which the linker keeps or deletes once relaxation has moved the code.
     */
    record AlignTo4() implements Chunk {
        @Override public int size() { return 2; }

        /** The padding is cut relative to the function's start, which must therefore be aligned as well. */
        @Override public int sectionAlign() { return 4; }

        @Override
        public void encode(Assembler.Output out) {
            out.reloc(RiscvRelocations.R_RISCV_ALIGN, null, 2);
            out.put16(0x0001);
        }
    }

    /**
     * The entries of a jump table, right after the code that reads it: per case, the signed
     * distance in bytes from the reader's auipc (the base) to the case's code. Bytes first;
     * halfwords when a case lies beyond -128..127. Each entry carries R_RISCV_SET8/16 of its
     * case and R_RISCV_SUB8/16 of the base, so that a relaxing linker writes the distance the
     * code has after it shortened calls in between (psABI). The reader, with the index in i:
     * <pre>
     *   auipc b, 0          ; b = the base
     *  (c.slli i, 1)        ; halfwords
     *   c.add i, b
     *   lb    i, K(i)       ; or lh; K = the table's distance from the base
     *   c.add i, b
     *   c.jr  i
     * </pre>
     */
    static final class JumpTable extends dev.rivet.codegen.asm.JumpTableEntries {
        private final Label base, start;
        private final boolean compressed;

        /** {@code base} is bound at the reader, {@code start} at this table. */
        JumpTable(Label base, Label start, java.util.List<Label> cases, boolean compressed) {
            super(cases);
            this.base = base;
            this.start = start;
            this.compressed = compressed;
        }

        /** Bytes of the reader: auipc and lb/lh are 4, the adds, the shift and the jump 2 each (4 without C). */
        static int readerSize(boolean compressed, boolean halfwords) {
            int parcels = halfwords ? 4 : 3;
            return 8 + parcels * (compressed ? 2 : 4);
        }

        /** The code in front of the table that reads it and jumps, whichever form the table takes. */
        Chunk reader(int index, int b) {
            return new Chunk() {
                @Override public int size() { return readerSize(compressed, halfwords); }

                @Override
                public void encode(Assembler.Output out) {
                    int k = out.labelOffset(start) - out.offset();
                    put(out, RvEncoder.auipc(b, 0));
                    if (halfwords) parcel(out, RvEncoder.cSlli(index, 1), RvEncoder.i(RvEncoder.AluImm.SLLI, index, index, 1));
                    parcel(out, RvEncoder.cAdd(index, b), RvEncoder.r(RvEncoder.Alu.ADD, index, index, b));
                    put(out, RvEncoder.load(halfwords ? 2 : 1, false, index, index, k));
                    parcel(out, RvEncoder.cAdd(index, b), RvEncoder.r(RvEncoder.Alu.ADD, index, index, b));
                    parcel(out, RvEncoder.cJr(index), RvEncoder.jalr(0, index, 0));
                }

                private void parcel(Assembler.Output out, int small, int wide) {
                    if (compressed) out.put16(small);
                    else put(out, wide);
                }
            };
        }

        @Override
        public int size() {
            int bytes = halfwords ? 2 * cases.size() : cases.size();
            int unit = compressed ? 2 : 4; // the code after the table stays aligned
            return (bytes + unit - 1) / unit * unit;
        }

        @Override public int align() { return halfwords ? 2 : 1; }

        @Override
        public boolean reachesAll(long at, java.util.Map<Label, Integer> labels) {
            long from = labels.get(base), limit = halfwords ? 1 << 15 : 1 << 7;
            for (Label l : cases) if (!fits(labels.get(l) - from, -limit, limit - 1)) return false;
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int from = out.labelOffset(base), end = out.offset() + size();
            for (Label l : cases) {
                out.labelReloc(halfwords ? RiscvRelocations.R_RISCV_SET16 : RiscvRelocations.R_RISCV_SET8, l);
                out.labelReloc(halfwords ? RiscvRelocations.R_RISCV_SUB16 : RiscvRelocations.R_RISCV_SUB8, base);
                int entry = out.labelOffset(l) - from;
                if (halfwords) out.put16(entry);
                else out.put8(entry);
            }
            while (out.offset() < end) out.put8(0);
        }
    }
}
