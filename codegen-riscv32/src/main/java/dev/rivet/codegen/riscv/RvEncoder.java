package dev.rivet.codegen.riscv;

/**
 * RV32I/M and C encodings (RISC-V Unprivileged ISA, chapters 2, 7 and 16). 32-bit forms return
 * the instruction word; compressed forms return the 16-bit parcel. Callers check that operands
 * fit; these methods only place bits. Compressed register fields (rd', rs1', rs2') name x8-x15.
 */
final class RvEncoder {
    private RvEncoder() {}

    static final int OP_LUI = 0x37, OP_AUIPC = 0x17, OP_JAL = 0x6F, OP_JALR = 0x67, OP_BRANCH = 0x63, OP_LOAD = 0x03,
            OP_STORE = 0x23, OP_IMM = 0x13, OP = 0x33, OP_SYSTEM = 0x73;

    /** R-type ALU operations: funct3 and funct7 (M extension ops have funct7 1). */
    enum Alu {
        ADD(0, 0), SUB(0, 0x20), SLL(1, 0), SLT(2, 0), SLTU(3, 0), XOR(4, 0), SRL(5, 0), SRA(5, 0x20), OR(6, 0), AND(7, 0),
        MUL(0, 1), MULH(1, 1), MULHSU(2, 1), MULHU(3, 1), DIV(4, 1), DIVU(5, 1), REM(6, 1), REMU(7, 1);

        final int funct3, funct7;

        Alu(int funct3, int funct7) {
            this.funct3 = funct3;
            this.funct7 = funct7;
        }
    }

    /** I-type ALU operations (shifts take a 5-bit amount; SRAI sets bit 30). */
    enum AluImm {
        ADDI(0), SLTI(2), SLTIU(3), XORI(4), ORI(6), ANDI(7), SLLI(1), SRLI(5), SRAI(5);

        final int funct3;

        AluImm(int funct3) { this.funct3 = funct3; }
    }

    /** Branch conditions by funct3. */
    enum BranchOp {
        BEQ(0), BNE(1), BLT(4), BGE(5), BLTU(6), BGEU(7);

        final int funct3;

        BranchOp(int funct3) { this.funct3 = funct3; }

        BranchOp invert() {
            return switch (this) {
                case BEQ -> BNE; case BNE -> BEQ; case BLT -> BGE; case BGE -> BLT; case BLTU -> BGEU; case BGEU -> BLTU;
            };
        }
    }

    static int r(Alu op, int rd, int rs1, int rs2) {
        return op.funct7 << 25 | rs2 << 20 | rs1 << 15 | op.funct3 << 12 | rd << 7 | OP;
    }

    static int i(AluImm op, int rd, int rs1, int imm) {
        int v = imm & 0xFFF;
        if (op == AluImm.SRAI) v = 0x400 | (imm & 31);
        else if (op == AluImm.SLLI || op == AluImm.SRLI) v = imm & 31;
        return v << 20 | rs1 << 15 | op.funct3 << 12 | rd << 7 | OP_IMM;
    }

    /** Loads: size 1, 2, 4; unsigned for zero-extension. */
    static int load(int size, boolean unsigned, int rd, int rs1, int imm) {
        int f3 = (size == 1 ? 0 : size == 2 ? 1 : 2) | (unsigned && size < 4 ? 4 : 0);
        return (imm & 0xFFF) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | OP_LOAD;
    }

    static int store(int size, int rs2, int rs1, int imm) {
        int f3 = size == 1 ? 0 : size == 2 ? 1 : 2;
        return (imm >> 5 & 0x7F) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 0x1F) << 7 | OP_STORE;
    }

    static int lui(int rd, int imm20) { return (imm20 & 0xFFFFF) << 12 | rd << 7 | OP_LUI; }

    static int auipc(int rd, int imm20) { return (imm20 & 0xFFFFF) << 12 | rd << 7 | OP_AUIPC; }

    static int jal(int rd, int off) {
        return (off >> 20 & 1) << 31 | (off >> 1 & 0x3FF) << 21 | (off >> 11 & 1) << 20 | (off >> 12 & 0xFF) << 12 | rd << 7 | OP_JAL;
    }

    static int jalr(int rd, int rs1, int imm) { return (imm & 0xFFF) << 20 | rs1 << 15 | rd << 7 | OP_JALR; }

    static int branch(BranchOp op, int rs1, int rs2, int off) {
        return (off >> 12 & 1) << 31 | (off >> 5 & 0x3F) << 25 | rs2 << 20 | rs1 << 15 | op.funct3 << 12
                | (off >> 1 & 0xF) << 8 | (off >> 11 & 1) << 7 | OP_BRANCH;
    }

    static int ebreak() { return 0x00100073; }

    /** Zicsr register forms by funct3: 1 CSRRW, 2 CSRRS, 3 CSRRC. */
    static int csr(int funct3, int rd, int rs1, int csr) { return csr << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | OP_SYSTEM; }

    /** unimp: csrrw x0, cycle, x0, the canonical illegal instruction. */
    static int unimp() { return 0xC0001073; }

    // ---- compressed ----

    static boolean creg(int r) { return r >= 8 && r <= 15; }

    static int c(int r) { return r - 8; }

    static int cAddi4spn(int rd, int uimm) {
        return (uimm >> 4 & 3) << 11 | (uimm >> 6 & 0xF) << 7 | (uimm >> 2 & 1) << 6 | (uimm >> 3 & 1) << 5 | c(rd) << 2;
    }

    static int cLw(int rd, int rs1, int uimm) {
        return 0x4000 | (uimm >> 3 & 7) << 10 | c(rs1) << 7 | (uimm >> 2 & 1) << 6 | (uimm >> 6 & 1) << 5 | c(rd) << 2;
    }

    static int cSw(int rs2, int rs1, int uimm) {
        return 0xC000 | (uimm >> 3 & 7) << 10 | c(rs1) << 7 | (uimm >> 2 & 1) << 6 | (uimm >> 6 & 1) << 5 | c(rs2) << 2;
    }

    static int cAddi(int rd, int imm) { return 0x0001 | (imm >> 5 & 1) << 12 | rd << 7 | (imm & 0x1F) << 2; }

    static int cJal(int off) { return 0x2001 | cjOffset(off); }

    static int cLi(int rd, int imm) { return 0x4001 | (imm >> 5 & 1) << 12 | rd << 7 | (imm & 0x1F) << 2; }

    static int cAddi16sp(int imm) {
        return 0x6101 | (imm >> 9 & 1) << 12 | (imm >> 4 & 1) << 6 | (imm >> 6 & 1) << 5 | (imm >> 7 & 3) << 3 | (imm >> 5 & 1) << 2;
    }

    /** c.lui rd, imm20 (the value loaded is imm20 << 12; imm20 is a sign-extended 6-bit value). */
    static int cLui(int rd, int imm20) { return 0x6001 | (imm20 >> 5 & 1) << 12 | rd << 7 | (imm20 & 0x1F) << 2; }

    static int cSrli(int rd, int sh) { return 0x8001 | c(rd) << 7 | (sh & 0x1F) << 2; }

    static int cSrai(int rd, int sh) { return 0x8401 | c(rd) << 7 | (sh & 0x1F) << 2; }

    static int cAndi(int rd, int imm) { return 0x8801 | (imm >> 5 & 1) << 12 | c(rd) << 7 | (imm & 0x1F) << 2; }

    /** c.sub, c.xor, c.or, c.and by index 0..3. */
    static int cArith(int op, int rd, int rs2) { return 0x8C01 | c(rd) << 7 | op << 5 | c(rs2) << 2; }

    static int cJ(int off) { return 0xA001 | cjOffset(off); }

    static int cBeqz(int rs1, int off) { return 0xC001 | c(rs1) << 7 | cbOffset(off); }

    static int cBnez(int rs1, int off) { return 0xE001 | c(rs1) << 7 | cbOffset(off); }

    static int cSlli(int rd, int sh) { return 0x0002 | rd << 7 | (sh & 0x1F) << 2; }

    static int cLwsp(int rd, int uimm) { return 0x4002 | (uimm >> 5 & 1) << 12 | rd << 7 | (uimm >> 2 & 7) << 4 | (uimm >> 6 & 3) << 2; }

    static int cJr(int rs1) { return 0x8002 | rs1 << 7; }

    static int cMv(int rd, int rs2) { return 0x8002 | rd << 7 | rs2 << 2; }

    static int cEbreak() { return 0x9002; }

    static int cJalr(int rs1) { return 0x9002 | rs1 << 7; }

    static int cAdd(int rd, int rs2) { return 0x9002 | rd << 7 | rs2 << 2; }

    static int cSwsp(int rs2, int uimm) { return 0xC002 | (uimm >> 2 & 0xF) << 9 | (uimm >> 6 & 3) << 7 | rs2 << 2; }

    static int cUnimp() { return 0x0000; }

    static int cjOffset(int off) {
        return (off >> 11 & 1) << 12 | (off >> 4 & 1) << 11 | (off >> 8 & 3) << 9 | (off >> 10 & 1) << 8
                | (off >> 6 & 1) << 7 | (off >> 7 & 1) << 6 | (off >> 1 & 7) << 3 | (off >> 5 & 1) << 2;
    }

    static int cbOffset(int off) {
        return (off >> 8 & 1) << 12 | (off >> 3 & 3) << 10 | (off >> 6 & 3) << 5 | (off >> 1 & 3) << 3 | (off >> 5 & 1) << 2;
    }
}
