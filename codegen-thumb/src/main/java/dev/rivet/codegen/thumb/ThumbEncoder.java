package dev.rivet.codegen.thumb;

/**
 * Thumb and Thumb-2 encodings (ARMv7-M Architecture Reference Manual, section A5/A7). Each
 * method returns the 16-bit halfword, or for 32-bit instructions the two halfwords packed as
 * {@code first << 16 | second}. Callers check operand ranges; these methods only place bits.
 */
final class ThumbEncoder {
    private ThumbEncoder() {}

    static boolean low(int r) { return r >= 0 && r < 8; }

    // ---- 16-bit ----
    static int movsImm(int d, int imm8) { return 0x2000 | d << 8 | imm8; }
    static int movReg(int d, int m) { return 0x4600 | (d & 8) << 4 | m << 3 | (d & 7); }
    /** add d, m with any registers (no flags); d = pc branches. */
    static int addHigh(int d, int m) { return 0x4400 | (d & 8) << 4 | m << 3 | (d & 7); }
    static int addsReg(int d, int n, int m) { return 0x1800 | m << 6 | n << 3 | d; }
    static int subsReg(int d, int n, int m) { return 0x1A00 | m << 6 | n << 3 | d; }
    static int addsImm3(int d, int n, int imm3) { return 0x1C00 | imm3 << 6 | n << 3 | d; }
    static int subsImm3(int d, int n, int imm3) { return 0x1E00 | imm3 << 6 | n << 3 | d; }
    static int addsImm8(int dn, int imm8) { return 0x3000 | dn << 8 | imm8; }
    static int subsImm8(int dn, int imm8) { return 0x3800 | dn << 8 | imm8; }
    static int cmpImm(int n, int imm8) { return 0x2800 | n << 8 | imm8; }

    /** The 16-bit data-processing group: AND EOR LSL LSR ASR ADC SBC ROR TST RSB CMP CMN ORR MUL BIC MVN. */
    enum Dp { AND, EOR, LSL, LSR, ASR, ADC, SBC, ROR, TST, RSB, CMP, CMN, ORR, MUL, BIC, MVN }

    static int dp(Dp op, int dn, int m) { return 0x4000 | op.ordinal() << 6 | m << 3 | dn; }

    static int shiftImm(int kind, int d, int m, int imm5) { return kind << 11 | (imm5 & 31) << 6 | m << 3 | d; }
    static int addSpImm(int d, int imm8) { return 0xA800 | d << 8 | imm8; }
    static int addSp(int imm7) { return 0xB000 | imm7; }
    static int subSp(int imm7) { return 0xB080 | imm7; }
    static int extend(int kind, int d, int m) { return 0xB200 | kind << 6 | m << 3 | d; }
    static int rev(int d, int m) { return 0xBA00 | m << 3 | d; }

    /** Load/store with a scaled 5-bit immediate; op: 0 STR, 1 LDR, 2 STRB, 3 LDRB, 4 STRH, 5 LDRH. */
    static int memImm(int op, int t, int n, int imm5) {
        int base = switch (op) {
            case 0 -> 0x6000; case 1 -> 0x6800; case 2 -> 0x7000; case 3 -> 0x7800; case 4 -> 0x8000; default -> 0x8800;
        };
        return base | imm5 << 6 | n << 3 | t;
    }

    /** Load/store with a register offset; op: 0 STR 1 STRH 2 STRB 3 LDRSB 4 LDR 5 LDRH 6 LDRB 7 LDRSH. */
    static int memReg(int op, int t, int n, int m) { return 0x5000 | op << 9 | m << 6 | n << 3 | t; }

    static int strSp(int t, int imm8) { return 0x9000 | t << 8 | imm8; }
    static int ldrSp(int t, int imm8) { return 0x9800 | t << 8 | imm8; }
    static int ldrLiteral(int t, int imm8) { return 0x4800 | t << 8 | imm8; }
    static int push(int list, boolean lr) { return 0xB400 | (lr ? 0x100 : 0) | list; }
    static int pop(int list, boolean pc) { return 0xBC00 | (pc ? 0x100 : 0) | list; }
    static int bcond(int cond, int imm8) { return 0xD000 | cond << 8 | (imm8 & 0xFF); }
    static int b(int imm11) { return 0xE000 | (imm11 & 0x7FF); }
    static int bx(int m) { return 0x4700 | m << 3; }
    static int blx(int m) { return 0x4780 | m << 3; }
    static int bkpt(int imm8) { return 0xBE00 | imm8; }
    static int udf(int imm8) { return 0xDE00 | imm8; }
    static int nop() { return 0xBF00; }
    static int cbz(boolean nonZero, int n, int offset) {
        return 0xB100 | (nonZero ? 0x800 : 0) | ((offset >> 6) & 1) << 9 | ((offset >> 1) & 31) << 3 | n;
    }
    static int it(int firstCond, int mask) { return 0xBF00 | firstCond << 4 | mask; }

    // ---- 32-bit ----

    /** BL with a signed byte offset from PC (the instruction's address + 4). */
    static long bl(int offset) {
        int s = (offset >>> 31) & 1;
        int i1 = (offset >> 23) & 1, i2 = (offset >> 22) & 1;
        int j1 = (~(i1 ^ s)) & 1, j2 = (~(i2 ^ s)) & 1;
        int first = 0xF000 | s << 10 | ((offset >> 12) & 0x3FF);
        int second = 0xD000 | j1 << 13 | j2 << 11 | ((offset >> 1) & 0x7FF);
        return (long) first << 16 | second;
    }

    /** TBB [PC, Rm] (byte table) or TBH [PC, Rm, LSL #1] (halfword table); the table follows it. */
    static long tableBranch(int rm, boolean halfwords) {
        return 0xE8DFL << 16 | 0xF000 | (halfwords ? 0x10 : 0) | rm;
    }

    /** B.W (T4), same offset layout as BL. */
    static long bw(int offset) {
        return bl(offset) & ~(0x4000L); // bit 14 of the second halfword distinguishes BL (1) from B.W (0)
    }

    /** B<cond>.W (T3): 20-bit offset. */
    static long bcondW(int cond, int offset) {
        int s = (offset >>> 31) & 1;
        int j2 = (offset >> 19) & 1, j1 = (offset >> 18) & 1;
        int first = 0xF000 | s << 10 | cond << 6 | ((offset >> 12) & 0x3F);
        int second = 0x8000 | j1 << 13 | j2 << 11 | ((offset >> 1) & 0x7FF);
        return (long) first << 16 | second;
    }

    static long movw(int d, int imm16) {
        int first = 0xF240 | ((imm16 >> 11) & 1) << 10 | (imm16 >> 12) & 0xF;
        int second = ((imm16 >> 8) & 7) << 12 | d << 8 | imm16 & 0xFF;
        return (long) first << 16 | second;
    }

    /** subw sp, sp, #imm12 (Thumb-2). */
    static long subwSp(int imm12) { return spImm12(0xF2AD, imm12); }

    /** addw sp, sp, #imm12 (Thumb-2). */
    static long addwSp(int imm12) { return spImm12(0xF20D, imm12); }

    private static long spImm12(int first, int imm12) {
        return (long) (first | (imm12 >> 11 & 1) << 10) << 16 | (imm12 >> 8 & 7) << 12 | 13 << 8 | imm12 & 0xFF;
    }

    static long movt(int d, int imm16) { return movw(d, imm16) | 0x00800000L; }

    static long udiv(int d, int n, int m) { return (long) (0xFBB0 | n) << 16 | 0xF0F0 | d << 8 | m; }

    static long sdiv(int d, int n, int m) { return (long) (0xFB90 | n) << 16 | 0xF0F0 | d << 8 | m; }

    static long clz(int d, int m) { return (long) (0xFAB0 | m) << 16 | 0xF080 | d << 8 | m; }

    static long rbit(int d, int m) { return (long) (0xFA90 | m) << 16 | 0xF0A0 | d << 8 | m; }

    static long umull(int lo, int hi, int n, int m) { return (long) (0xFBA0 | n) << 16 | lo << 12 | hi << 8 | m; }

    static long mla(int d, int n, int m, int a) { return (long) (0xFB00 | n) << 16 | a << 12 | d << 8 | m; }

    static long mls(int d, int n, int m, int a) { return (long) (0xFB00 | n) << 16 | a << 12 | d << 8 | 0x10 | m; }
}
