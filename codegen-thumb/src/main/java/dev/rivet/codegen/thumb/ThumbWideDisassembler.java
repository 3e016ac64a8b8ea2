package dev.rivet.codegen.thumb;

import static dev.rivet.codegen.thumb.ThumbDisassembler.*;

import dev.rivet.codegen.asm.Disassembler.Insn;

/** The 32-bit Thumb-2 encodings rivet emits: branches, table branches, MOVW/MOVT, SP adjustments, divides, multiplies, bit counts, far literal loads. */
final class ThumbWideDisassembler {
    private ThumbWideDisassembler() {}

    static Insn decode(int h1, int h2, int at) {
        if ((h1 & 0xF800) == 0xF000 && (h2 & 0x8000) == 0x8000) return branches(h1, h2, at);
        if ((h1 & 0xFB70) == 0xF240 && (h2 & 0x8000) == 0) return movwt(h1, h2);
        if ((h1 & 0xFBFF) == 0xF2AD || (h1 & 0xFBFF) == 0xF20D) { // subw/addw rd, sp, #imm12
            int imm = (h1 >>> 10 & 1) << 11 | (h2 >>> 12 & 7) << 8 | h2 & 0xFF;
            return text(4, (h1 & 0xFBFF) == 0xF2AD ? "subw" : "addw", r(h2 >>> 8) + ", sp, #" + imm);
        }
        if ((h1 & 0xFFF0) == 0xFBB0 && (h2 & 0xF0F0) == 0xF0F0) return text(4, "udiv", three(h1, h2));
        if ((h1 & 0xFFF0) == 0xFB90 && (h2 & 0xF0F0) == 0xF0F0) return text(4, "sdiv", three(h1, h2));
        if ((h1 & 0xFFF0) == 0xFAB0 && (h2 & 0xF0F0) == 0xF080) return text(4, "clz", r(h2 >>> 8) + ", " + r(h2));
        if ((h1 & 0xFFF0) == 0xFA90 && (h2 & 0xF0F0) == 0xF0A0) return text(4, "rbit", r(h2 >>> 8) + ", " + r(h2));
        if ((h1 & 0xFFF0) == 0xFBA0 && (h2 & 0xF0) == 0)
            return text(4, "umull", r(h2 >>> 12) + ", " + r(h2 >>> 8) + ", " + r(h1) + ", " + r(h2));
        if ((h1 & 0xFFF0) == 0xFB80 && (h2 & 0xF0) == 0)
            return text(4, "smull", r(h2 >>> 12) + ", " + r(h2 >>> 8) + ", " + r(h1) + ", " + r(h2));
        if ((h1 & 0xFFF0) == 0xFB00 && (h2 & 0xE0) == 0) {
            int ra = h2 >>> 12 & 15;
            String op = (h2 & 0x10) == 0 ? ra == 15 ? "mul" : "mla" : "mls";
            return text(4, op, three(h1, h2) + (op.equals("mul") ? "" : ", " + r(ra)));
        }
        if (h1 == 0xE8DF && (h2 & 0xFFE0) == 0xF000)
            return text(4, (h2 & 0x10) == 0 ? "tbb" : "tbh", "[pc, " + r(h2) + ((h2 & 0x10) == 0 ? "]" : ", lsl #1]"));
        if ((h1 & 0xFF7F) == 0xF85F) {
            int off = h2 & 0xFFF;
            return text(4, "ldr.w", r(h2 >>> 12) + ", [pc, #" + ((h1 & 0x80) != 0 ? off : -off) + "]");
        }
        return text(4, ".inst.w", "0x" + Integer.toHexString(h1 << 16 | h2));
    }

    private static String three(int h1, int h2) { return r(h2 >>> 8) + ", " + r(h1) + ", " + r(h2); }

    private static Insn branches(int h1, int h2, int at) {
        int s = h1 >>> 10 & 1, j1 = h2 >>> 13 & 1, j2 = h2 >>> 11 & 1;
        if ((h2 & 0x5000) == 0x5000 || (h2 & 0x5000) == 0x1000) { // BL, B.W (T4)
            int i1 = ~(j1 ^ s) & 1, i2 = ~(j2 ^ s) & 1;
            int off = s << 24 | i1 << 23 | i2 << 22 | (h1 & 0x3FF) << 12 | (h2 & 0x7FF) << 1;
            long target = at + 4 + (off << 7 >> 7) & 0xFFFF_FFFFL;
            return branch(4, (h2 & 0x4000) != 0 ? "bl" : "b.w", "", target);
        }
        int cond = h1 >>> 6 & 15;
        if (cond >= 14) return text(4, ".inst.w", "0x" + Integer.toHexString(h1 << 16 | h2));
        int off = s << 20 | j2 << 19 | j1 << 18 | (h1 & 0x3F) << 12 | (h2 & 0x7FF) << 1;
        return branch(4, "b" + CONDS[cond] + ".w", "", at + 4 + (off << 11 >> 11) & 0xFFFF_FFFFL);
    }

    private static Insn movwt(int h1, int h2) {
        int imm = (h1 & 0xF) << 12 | (h1 >>> 10 & 1) << 11 | (h2 >>> 12 & 7) << 8 | h2 & 0xFF;
        return text(4, (h1 & 0x80) == 0 ? "movw" : "movt", r(h2 >>> 8) + ", #" + imm);
    }
}
