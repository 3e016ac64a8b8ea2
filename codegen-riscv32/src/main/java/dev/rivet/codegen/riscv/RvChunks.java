package dev.rivet.codegen.riscv;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Chunk;
import dev.rivet.codegen.asm.Label;
import dev.rivet.codegen.riscv.RvEncoder.BranchOp;

/** RV32 branches and jumps: compressed first where the operands allow, grown when out of reach. */
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
                case 0 -> out.put16(op == BranchOp.BEQ ? RvEncoder.cBeqz(a, off) : RvEncoder.cBnez(a, off));
                case 1 -> put(out, RvEncoder.branch(op, a, b, off));
                default -> {
                    put(out, RvEncoder.branch(op.invert(), a, b, 8));
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
            if (wide) put(out, RvEncoder.jal(0, off));
            else out.put16(RvEncoder.cJ(off));
        }
    }
}
