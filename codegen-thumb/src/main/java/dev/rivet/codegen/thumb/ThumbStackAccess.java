package dev.rivet.codegen.thumb;

import static dev.rivet.codegen.thumb.ThumbEncoder.*;

/**
 * SP-relative accesses. The 16-bit forms reach words up to 1020 bytes above SP; beyond that
 * (frames with big arrays) the offset comes from a literal and is added to SP. A far store has
 * no free register for that, so it borrows r0 or r1, parking its value in r12 (never allocated).
 */
final class ThumbStackAccess {
    private ThumbStackAccess() {}

    private static final int IP = 12;

    private static boolean near(int off) { return off >= 0 && off <= 1020 && off % 4 == 0; }

    /** ADD (SP plus register): rdm = sp + rdm. */
    private static int addSpReg(int rdm) { return 0x4468 | (rdm & 8) << 4 | (rdm & 7); }

    static void stackMem(ThumbEmitter e, boolean store, int t, int off) {
        if (near(off)) {
            e.emitHalves(store ? strSp(t, off / 4) : ldrSp(t, off / 4));
            return;
        }
        if (!store) {
            e.emitLiteralLoad(t, off);
            e.emitHalves(addSpReg(t), memImm(1, t, t, 0));
            return;
        }
        int x = t == 0 ? 1 : 0;
        e.emitHalves(movReg(IP, x));
        e.emitLiteralLoad(x, off);
        e.emitHalves(addSpReg(x), memImm(0, t, x, 0), movReg(x, IP));
    }

    static void stackAddress(ThumbEmitter e, int d, int off) {
        if (near(off)) {
            e.emitHalves(addSpImm(d, off / 4));
            return;
        }
        e.emitLiteralLoad(d, off);
        e.emitHalves(addSpReg(d));
    }
}
