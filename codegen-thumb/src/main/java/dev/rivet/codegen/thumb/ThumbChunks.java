package dev.rivet.codegen.thumb;

import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.asm.Chunk;
import dev.rivet.codegen.asm.Label;

/**
 * The Thumb chunks whose encoding depends on a label's distance: branches (16-bit first, grown
 * only when out of reach) and pc-relative literal loads.
 */
final class ThumbChunks {
    private ThumbChunks() {}

    /** Thrown when an ARMv6-M branch needs BL's reach but the function does not save LR; emission restarts saving it. */
    static final class NeedsLinkRegister extends RuntimeException {
        NeedsLinkRegister() {
            super(null, null, false, false);
        }
    }

    /**
     * b or b&lt;cond&gt; to a label. Forms: 16-bit (±256 bytes conditional, ±2 KiB unconditional);
     * then on ARMv7-M the 32-bit B.W / B&lt;c&gt;.W; on ARMv6-M, which has neither, an inverted
     * short branch over B, then over BL (which needs LR saved).
     */
    static final class Branch implements Chunk {
        private final Cond cond; // null: unconditional
        private final Label target;
        private final boolean thumb2;
        private final boolean lrSaved;
        private int form;

        Branch(Cond cond, Label target, boolean thumb2, boolean lrSaved) {
            this.cond = cond;
            this.target = target;
            this.thumb2 = thumb2;
            this.lrSaved = lrSaved;
        }

        @Override public Label target() { return target; }

        @Override
        public int size() {
            if (form == 0) return 2;
            if (thumb2 || cond == null || form == 1) return 4;
            return 6;
        }

        /** Offset of the instruction that reaches the label, within the chunk. */
        private int jumpAt() { return !thumb2 && cond != null && form > 0 ? 2 : 0; }

        @Override
        public boolean reaches(long at, long to) {
            long off = to - (at + jumpAt() + 4);
            if (form == 0) return cond != null ? fits(off, -256, 254) : fits(off, -2048, 2046);
            if (thumb2) return cond != null ? fits(off, -(1 << 20), (1 << 20) - 2) : fits(off, -(1 << 24), (1 << 24) - 2);
            if (cond != null && form == 1) return fits(off, -2048, 2046);
            return fits(off, -(1 << 22), (1 << 22) - 2); // BL on ARMv6-M
        }

        private static boolean fits(long v, long lo, long hi) { return v >= lo && v <= hi; }

        @Override
        public boolean grow() {
            int max = thumb2 ? 1 : cond == null ? 1 : 2;
            if (form >= max) return false;
            form++;
            boolean usesBl = !thumb2 && (cond == null ? form == 1 : form == 2);
            if (usesBl && !lrSaved) throw new NeedsLinkRegister();
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int at = out.offset();
            int off = out.labelOffset(target) - (at + jumpAt() + 4);
            if (form == 0) {
                out.put16(cond != null ? ThumbEncoder.bcond(cond.ordinal(), off >> 1) : ThumbEncoder.b(off >> 1));
            } else if (thumb2) {
                long w = cond != null ? ThumbEncoder.bcondW(cond.ordinal(), off) : ThumbEncoder.bw(off);
                out.putThumb32((int) (w >>> 16), (int) w & 0xFFFF);
            } else if (cond == null) {
                long w = ThumbEncoder.bl(off);
                out.putThumb32((int) (w >>> 16), (int) w & 0xFFFF);
            } else if (form == 1) {
                out.put16(ThumbEncoder.bcond(cond.invert().ordinal(), 0)); // skip the b
                out.put16(ThumbEncoder.b(off >> 1));
            } else {
                out.put16(ThumbEncoder.bcond(cond.invert().ordinal(), 1)); // skip the bl
                long w = ThumbEncoder.bl(off);
                out.putThumb32((int) (w >>> 16), (int) w & 0xFFFF);
            }
        }
    }

    /** ldr rt, [pc, #imm] of a literal-pool word; on ARMv7-M grows to LDR.W (±4 KiB). */
    static final class LiteralLoad implements Chunk {
        private final int rt;
        private final Label literal;
        private final boolean thumb2;
        private boolean wide;

        LiteralLoad(int rt, Label literal, boolean thumb2) {
            this.rt = rt;
            this.literal = literal;
            this.thumb2 = thumb2;
        }

        @Override public Label target() { return literal; }

        @Override public int size() { return wide ? 4 : 2; }

        @Override
        public boolean reaches(long at, long to) {
            long off = to - ((at + 4) & ~3L);
            if (!wide) return off >= 0 && off <= 1020 && off % 4 == 0;
            return off >= -4095 && off <= 4095;
        }

        @Override
        public boolean grow() {
            if (wide || !thumb2) return false;
            wide = true;
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int off = out.labelOffset(literal) - ((out.offset() + 4) & ~3);
            if (!wide) {
                out.put16(ThumbEncoder.ldrLiteral(rt, off >> 2));
            } else {
                int u = off >= 0 ? 1 : 0;
                out.putThumb32(0xF85F | u << 7, rt << 12 | Math.abs(off));
            }
        }
    }

    /**
     * The entries of a jump table, right after the code that reads it: per case, the distance
     * in halfwords from the table's base to the case's code. Bytes first; halfwords when a case
     * lies beyond 510 bytes. Targets must follow the table: the entries are unsigned.
     *
     * <p>On Thumb-2 the code is tbb/tbh, whose base is the table's start. Thumb-1 has neither,
     * so five instructions (bytes) or six (halfwords) do the same with a scratch register, and
     * the base is the table's start plus 2 (pc as the final add reads it):
     * <pre>
     *   mov  rT, pc            ; the address of the adds, plus 4
     *   adds rT, #k            ; the table
     *  (adds rT, rT, rI)       ; halfwords: table + index, read at + index again
     *   ldrb rT, [rT, rI]      ; or ldrh
     *   lsls rT, rT, #1
     *   add  pc, rT
     * </pre>
     */
    static final class JumpTable extends dev.rivet.codegen.asm.JumpTableEntries {
        private final boolean thumb1;

        JumpTable(java.util.List<Label> cases, boolean thumb1) {
            super(cases);
            this.thumb1 = thumb1;
        }

        /** The code in front of the table that reads it and branches, whichever form the table takes. */
        Chunk reader(int index, int scratch) {
            return new Chunk() {
                @Override public int size() { return !thumb1 ? 4 : halfwords ? 12 : 10; }

                @Override
                public void encode(Assembler.Output out) {
                    if (!thumb1) {
                        long insn = ThumbEncoder.tableBranch(index, halfwords);
                        out.putThumb32((int) (insn >>> 16), (int) insn & 0xFFFF);
                        return;
                    }
                    out.put16(ThumbEncoder.movReg(scratch, 15));
                    out.put16(ThumbEncoder.addsImm8(scratch, size() - 4)); // from the mov's pc (its address + 4) to the table
                    if (halfwords) out.put16(ThumbEncoder.addsReg(scratch, scratch, index));
                    out.put16(ThumbEncoder.memReg(halfwords ? 5 : 6, scratch, scratch, index));
                    out.put16(ThumbEncoder.shiftImm(0, scratch, scratch, 1));
                    out.put16(ThumbEncoder.addHigh(15, scratch));
                }
            };
        }

        /** Bytes from the table's start to the address its entries count from. */
        private int bias() { return thumb1 ? 2 : 0; }

        @Override public int size() { return halfwords ? 2 * cases.size() : (cases.size() + 1) & ~1; }

        @Override
        public boolean reachesAll(long at, java.util.Map<Label, Integer> labels) {
            for (Label l : cases) {
                long off = labels.get(l) - at - bias();
                if (off < 0 || off > (halfwords ? 0x1FFFE : 0x1FE)) return false;
            }
            return true;
        }

        @Override
        public void encode(Assembler.Output out) {
            int base = out.offset() + bias();
            for (Label l : cases) {
                int entry = (out.labelOffset(l) - base) / 2;
                if (halfwords) out.put16(entry);
                else out.put8(entry);
            }
            if (!halfwords && cases.size() % 2 != 0) out.put8(0);
        }
    }
}
