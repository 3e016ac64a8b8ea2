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
}
