package dev.rivet.emulator;

/**
 * Just enough Thumb encoding for the emulator tests, each paired with objdump's text. Branch
 * and PC-relative forms take absolute addresses and compute the offsets.
 */
final class ThumbAsm {
    private final Code c;

    ThumbAsm(Code c) { this.c = c; }

    long here() { return c.here(); }

    ThumbAsm movs(int rd, int imm) { c.h(0x2000 | rd << 8 | imm, "movs r" + rd + ", #" + imm); return this; }

    ThumbAsm cmp(int rn, int imm) { c.h(0x2800 | rn << 8 | imm, "cmp r" + rn + ", #" + imm); return this; }

    ThumbAsm adds(int rd, int imm) { c.h(0x3000 | rd << 8 | imm, "adds r" + rd + ", #" + imm); return this; }

    ThumbAsm lsls(int rd, int rm, int imm) {
        c.h(imm << 6 | rm << 3 | rd, "lsls r" + rd + ", r" + rm + ", #" + imm);
        return this;
    }

    ThumbAsm bkpt(int imm) { c.h(0xBE00 | imm, String.format("bkpt 0x%04x", imm)); return this; }

    /** ADR rd, target (objdump shows it as ADD rd, pc, #imm). */
    ThumbAsm adr(int rd, long target) {
        long offset = target - ((c.here() + 4) & ~3L);
        check(offset >= 0 && offset < 1024 && offset % 4 == 0, "adr offset " + offset);
        c.h(0xA000 | rd << 8 | (int) (offset / 4), "add r" + rd + ", pc, #" + offset);
        return this;
    }

    /** LDR rt, [pc, #imm] loading the literal at {@code target}. */
    ThumbAsm ldrLiteral(int rt, long target) {
        long offset = target - ((c.here() + 4) & ~3L);
        check(offset >= 0 && offset < 1024 && offset % 4 == 0, "literal offset " + offset);
        c.h(0x4800 | rt << 8 | (int) (offset / 4), "ldr r" + rt + ", [pc, #" + offset + "]");
        return this;
    }

    ThumbAsm ldr(int rt, int rn, int offset) {
        c.h(0x6800 | (offset / 4) << 6 | rn << 3 | rt, "ldr r" + rt + ", [r" + rn + ", #" + offset + "]");
        return this;
    }

    ThumbAsm str(int rt, int rn, int offset) {
        c.h(0x6000 | (offset / 4) << 6 | rn << 3 | rt, "str r" + rt + ", [r" + rn + ", #" + offset + "]");
        return this;
    }

    ThumbAsm ldrb(int rt, int rn, int offset) {
        c.h(0x7800 | offset << 6 | rn << 3 | rt, "ldrb r" + rt + ", [r" + rn + ", #" + offset + "]");
        return this;
    }

    ThumbAsm strb(int rt, int rn, int offset) {
        c.h(0x7000 | offset << 6 | rn << 3 | rt, "strb r" + rt + ", [r" + rn + ", #" + offset + "]");
        return this;
    }

    /** Conditional branch; cond 0 = eq, 4 = mi, 5 = pl. */
    ThumbAsm bcond(int cond, long target) {
        long offset = target - (c.here() + 4);
        check(offset >= -256 && offset < 256, "bcond offset " + offset);
        String[] names = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
        c.h(0xD000 | cond << 8 | (int) ((offset >> 1) & 0xFF), String.format("b%s.n 0x%x", names[cond], target));
        return this;
    }

    ThumbAsm b(long target) {
        long offset = target - (c.here() + 4);
        check(offset >= -2048 && offset < 2048, "b offset " + offset);
        c.h(0xE000 | (int) ((offset >> 1) & 0x7FF), String.format("b.n 0x%x", target));
        return this;
    }

    /** BX rm. */
    ThumbAsm bx(int rm) { c.h(0x4700 | rm << 3, "bx r" + rm); return this; }

    /** MOVW rd, #imm16 (Thumb-2). */
    ThumbAsm movw(int rd, int imm) {
        int first = 0xF240 | (imm >> 12) & 0xF | ((imm >> 11) & 1) << 10;
        int second = ((imm >> 8) & 7) << 12 | rd << 8 | imm & 0xFF;
        c.t32(first, second, "movw r" + rd + ", #" + imm);
        return this;
    }

    /** UDF #imm (permanently undefined). */
    ThumbAsm udf(int imm) { c.h(0xDE00 | imm, "udf #" + imm); return this; }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("test program does not encode: " + what);
    }
}
