package dev.rivet.linker;

import static dev.rivet.linker.RelocationHandler.*;

/** ARM (Thumb) relocations, per "ELF for the Arm Architecture" (AAELF32), section 5.6. */
public final class ArmRelocations implements RelocationHandler {
    static final int R_ARM_ABS32 = 2, R_ARM_REL32 = 3, R_ARM_THM_CALL = 10, R_ARM_THM_PC8 = 11, R_ARM_TARGET1 = 38,
            R_ARM_V4BX = 40, R_ARM_PREL31 = 42, R_ARM_THM_MOVW_ABS_NC = 47, R_ARM_THM_MOVT_ABS = 48, R_ARM_THM_JUMP24 = 30,
            R_ARM_THM_JUMP11 = 102, R_ARM_THM_JUMP8 = 103, R_ARM_NONE = 0;

    /** Calls and branches: they use a function without taking its address. */
    static boolean isBranch(int type) {
        return type == R_ARM_THM_CALL || type == R_ARM_THM_JUMP24 || type == R_ARM_THM_JUMP11 || type == R_ARM_THM_JUMP8;
    }

    @Override
    public void apply(Site x) {
        byte[] d = x.data();
        int o = x.offset();
        long t = x.thumbFunction() ? 1 : 0;
        switch (x.reloc().type()) {
            case R_ARM_NONE, R_ARM_V4BX -> { }
            case R_ARM_ABS32, R_ARM_TARGET1 -> write32(d, o, (x.s() + x.a()) | t);
            case R_ARM_REL32 -> write32(d, o, ((x.s() + x.a()) | t) - x.p());
            case R_ARM_PREL31 -> write32(d, o, (read32(d, o) & 0x8000_0000L) | (((x.s() + x.a()) | t) - x.p()) & 0x7FFF_FFFFL);
            case R_ARM_THM_CALL, R_ARM_THM_JUMP24 -> {
                long v = (x.s() + x.a() - x.p()) & ~1L;
                long off = v;
                checkRange(x, off, -(1L << 24), (1L << 24) - 2, "R_ARM_THM_CALL/JUMP24");
                int s = (int) (off >>> 24) & 1;
                int i1 = (int) (off >> 23) & 1, i2 = (int) (off >> 22) & 1;
                int j1 = (~(i1 ^ s)) & 1, j2 = (~(i2 ^ s)) & 1;
                int first = 0xF000 | s << 10 | (int) ((off >> 12) & 0x3FF);
                int keep = read16(d, o + 2) & 0xD000; // BL, BLX or B.W: bits 15, 14, 12 say which
                if (x.reloc().type() == R_ARM_THM_CALL) keep = 0xD000; // always BL: every target here is Thumb
                int second = keep | j1 << 13 | j2 << 11 | (int) ((off >> 1) & 0x7FF);
                write16(d, o, first);
                write16(d, o + 2, second);
            }
            case R_ARM_THM_JUMP11 -> {
                long off = (x.s() + x.a() - x.p()) & ~1L;
                checkRange(x, off, -2048, 2046, "R_ARM_THM_JUMP11");
                write16(d, o, 0xE000 | (int) ((off >> 1) & 0x7FF));
            }
            case R_ARM_THM_JUMP8 -> {
                long off = (x.s() + x.a() - x.p()) & ~1L;
                checkRange(x, off, -256, 254, "R_ARM_THM_JUMP8");
                write16(d, o, (read16(d, o) & 0xFF00) | (int) ((off >> 1) & 0xFF));
            }
            case R_ARM_THM_PC8 -> {
                long off = x.s() + x.a() - (x.p() & ~3L);
                checkRange(x, off, 0, 1020, "R_ARM_THM_PC8");
                write16(d, o, (read16(d, o) & 0xFF00) | (int) (off >> 2));
            }
            case R_ARM_THM_MOVW_ABS_NC, R_ARM_THM_MOVT_ABS -> {
                long v = (x.s() + x.a()) | t;
                int imm = (int) (x.reloc().type() == R_ARM_THM_MOVT_ABS ? v >>> 16 : v) & 0xFFFF;
                int first = (read16(d, o) & 0xFBF0) | ((imm >> 11) & 1) << 10 | (imm >> 12) & 0xF;
                int second = (read16(d, o + 2) & 0x8F00) | ((imm >> 8) & 7) << 12 | imm & 0xFF;
                write16(d, o, first);
                write16(d, o + 2, second);
            }
            default -> throw new LinkException(x.where() + ": unsupported ARM relocation type " + x.reloc().type());
        }
    }

    /**
     * The addend an ARM REL relocation keeps in the bytes it patches (AAELF32 5.6.1.1: "the
     * initial addend is formed from the contents of the place"), for reading GNU objects.
     */
    public static long implicitAddend(int type, byte[] d, int o) {
        return switch (type) {
            case R_ARM_ABS32, R_ARM_TARGET1, R_ARM_REL32 -> (int) read32(d, o);
            case R_ARM_PREL31 -> (read32(d, o) << 33) >> 33;
            case R_ARM_THM_CALL, R_ARM_THM_JUMP24 -> {
                int hi = read16(d, o), lo = read16(d, o + 2);
                int s = hi >> 10 & 1, i1 = ~(lo >> 13 ^ s) & 1, i2 = ~(lo >> 11 ^ s) & 1;
                long imm = (long) s << 24 | (long) i1 << 23 | (long) i2 << 22 | (long) (hi & 0x3FF) << 12 | (long) (lo & 0x7FF) << 1;
                yield (imm << 39) >> 39;
            }
            case R_ARM_THM_JUMP11 -> ((long) (read16(d, o) & 0x7FF) << 53) >> 52;
            case R_ARM_THM_JUMP8 -> ((long) (read16(d, o) & 0xFF) << 56) >> 55;
            case R_ARM_THM_PC8 -> (read16(d, o) & 0xFF) << 2;
            case R_ARM_THM_MOVW_ABS_NC, R_ARM_THM_MOVT_ABS -> {
                int hi = read16(d, o), lo = read16(d, o + 2);
                int imm = (hi & 0xF) << 12 | (hi >> 10 & 1) << 11 | (lo >> 12 & 7) << 8 | lo & 0xFF;
                yield (short) imm;
            }
            default -> 0;
        };
    }
}
