package dev.rivet.emulator;

/**
 * Just enough RV32 encoding for the emulator tests (objdump text in no-aliases syntax).
 * Registers are numbers; {@link #NAMES} gives objdump's ABI names.
 */
final class RiscvAsm {
    static final String[] NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
        "a0", "a1", "a2", "a3", "a4", "a5"};
    static final int ZERO = 0, A0 = 10, A1 = 11, A2 = 12, A3 = 13;
    private final Code c;

    RiscvAsm(Code c) { this.c = c; }

    long here() { return c.here(); }

    private static String r(int n) { return NAMES[n]; }

    private RiscvAsm i(int opcode, int f3, int rd, int rs1, int imm, String text) {
        c.w(imm << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode, text);
        return this;
    }

    RiscvAsm addi(int rd, int rs1, int imm) { return i(0x13, 0, rd, rs1, imm & 0xFFF, "addi " + r(rd) + "," + r(rs1) + "," + imm); }

    RiscvAsm slli(int rd, int rs1, int sh) { return i(0x13, 1, rd, rs1, sh, "slli " + r(rd) + "," + r(rs1) + "," + String.format("0x%x", sh)); }

    RiscvAsm srli(int rd, int rs1, int sh) { return i(0x13, 5, rd, rs1, sh, "srli " + r(rd) + "," + r(rs1) + "," + String.format("0x%x", sh)); }

    RiscvAsm srai(int rd, int rs1, int sh) {
        return i(0x13, 5, rd, rs1, 0x400 | sh, "srai " + r(rd) + "," + r(rs1) + "," + String.format("0x%x", sh));
    }

    RiscvAsm andi(int rd, int rs1, int imm) { return i(0x13, 7, rd, rs1, imm & 0xFFF, "andi " + r(rd) + "," + r(rs1) + "," + imm); }

    RiscvAsm lw(int rd, int rs1, int off) { return i(0x03, 2, rd, rs1, off & 0xFFF, "lw " + r(rd) + "," + off + "(" + r(rs1) + ")"); }

    RiscvAsm lbu(int rd, int rs1, int off) { return i(0x03, 4, rd, rs1, off & 0xFFF, "lbu " + r(rd) + "," + off + "(" + r(rs1) + ")"); }

    RiscvAsm ebreak() { c.w(0x00100073, "ebreak"); return this; }

    RiscvAsm ecall() { c.w(0x00000073, "ecall"); return this; }

    RiscvAsm sw(int rs2, int rs1, int off) { return store(2, "sw", rs2, rs1, off); }

    RiscvAsm sb(int rs2, int rs1, int off) { return store(0, "sb", rs2, rs1, off); }

    private RiscvAsm store(int f3, String name, int rs2, int rs1, int off) {
        int imm = off & 0xFFF;
        c.w((imm >> 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 0x1F) << 7 | 0x23,
                name + " " + r(rs2) + "," + off + "(" + r(rs1) + ")");
        return this;
    }

    RiscvAsm lui(int rd, int imm20) { c.w(imm20 << 12 | rd << 7 | 0x37, "lui " + r(rd) + "," + String.format("0x%x", imm20)); return this; }

    RiscvAsm auipc(int rd, int imm20) { c.w(imm20 << 12 | rd << 7 | 0x17, "auipc " + r(rd) + "," + String.format("0x%x", imm20)); return this; }

    /** rd = absolute address of {@code target} via auipc+addi (two instructions). */
    RiscvAsm la(int rd, long target) {
        long offset = target - here();
        long hi = (offset + 0x800) >> 12;
        auipc(rd, (int) hi & 0xFFFFF);
        return addi(rd, rd, (int) (offset - (hi << 12)));
    }

    /** rd = value via lui+addi. */
    RiscvAsm li(int rd, long value) {
        long hi = (value + 0x800) >> 12;
        lui(rd, (int) hi & 0xFFFFF);
        return addi(rd, rd, (int) (value - (hi << 12)));
    }

    /** Branch; f3: 0 beq, 1 bne, 4 blt, 5 bge. */
    RiscvAsm branch(int f3, int rs1, int rs2, long target) {
        String[] names = {"beq", null, null, null, "blt", "bge"};
        names[1] = "bne";
        int off = (int) (target - here());
        int enc = ((off >> 12) & 1) << 31 | ((off >> 5) & 0x3F) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12
                | ((off >> 1) & 0xF) << 8 | ((off >> 11) & 1) << 7 | 0x63;
        c.w(enc, names[f3] + " " + r(rs1) + "," + r(rs2) + "," + String.format("0x%x", target));
        return this;
    }

    RiscvAsm jal(int rd, long target) {
        int off = (int) (target - here());
        int enc = ((off >> 20) & 1) << 31 | ((off >> 1) & 0x3FF) << 21 | ((off >> 11) & 1) << 20
                | ((off >> 12) & 0xFF) << 12 | rd << 7 | 0x6F;
        c.w(enc, "jal " + r(rd) + "," + String.format("0x%x", target));
        return this;
    }

    /** jalr zero, 0(rs1): jump to the address in rs1. */
    RiscvAsm jr(int rs1) { return i(0x67, 0, 0, rs1, 0, "jalr zero,0(" + r(rs1) + ")"); }

    /** c.addi rd, imm (CI format). */
    RiscvAsm cAddi(int rd, int imm) {
        c.h(((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1F) << 2 | 0x1, "c.addi " + r(rd) + "," + imm);
        return this;
    }

    /** c.li rd, imm (CI format). */
    RiscvAsm cLi(int rd, int imm) {
        c.h(0x4000 | ((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1F) << 2 | 0x1, "c.li " + r(rd) + "," + imm);
        return this;
    }

    /** c.j target (CJ format). */
    RiscvAsm cJ(long target) {
        int o = (int) (target - here());
        int bits = ((o >> 11) & 1) << 10 | ((o >> 4) & 1) << 9 | ((o >> 8) & 3) << 7 | ((o >> 10) & 1) << 6
                | ((o >> 6) & 1) << 5 | ((o >> 7) & 1) << 4 | ((o >> 1) & 7) << 1 | ((o >> 5) & 1);
        c.h(0xA001 | bits << 2, "c.j " + String.format("0x%x", target));
        return this;
    }

    /** The three-instruction semihosting call. */
    RiscvAsm semihost() {
        slli(ZERO, ZERO, 0x1f);
        ebreak();
        return srai(ZERO, ZERO, 7);
    }
}
