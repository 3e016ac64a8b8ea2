package dev.rivet.codegen.riscv;

import dev.rivet.codegen.asm.Disassembler;

/**
 * RV32I/M/C machine code to text in objdump's {@code -M no-aliases} syntax. It knows the
 * instructions rivet emits and the rest of the base ISA's ordinary forms; anything else is
 * shown as {@code .insn} with its bits.
 */
public final class RvDisassembler implements Disassembler {
    private static final String[] REGS = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3",
        "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    private static final String[] BRANCHES = {"beq", "bne", null, null, "blt", "bge", "bltu", "bgeu"};
    private static final String[] LOADS = {"lb", "lh", "lw", null, "lbu", "lhu", null, null};
    private static final String[] STORES = {"sb", "sh", "sw", null, null, null, null, null};
    private static final String[] OP_IMM = {"addi", "slli", "slti", "sltiu", "xori", null, "ori", "andi"};
    private static final String[] OP = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
    private static final String[] OP_M = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};

    @Override
    public Insn decode(byte[] code, int at) {
        int lo = Disassembler.half(code, at);
        if (lo < 0) return new Insn(code.length - at, ".byte\t0x" + Integer.toHexString(code[at] & 0xFF), -1);
        if ((lo & 3) != 3) return compressed(lo, at);
        int hi = Disassembler.half(code, at + 2);
        if (hi < 0) return new Insn(2, ".short\t0x" + Integer.toHexString(lo), -1);
        return full(lo | hi << 16, at);
    }

    @Override
    public String hex(byte[] code, int offset, int length) {
        if (length != 4) return Disassembler.super.hex(code, offset, length);
        return String.format("%04x%04x", Disassembler.half(code, offset + 2), Disassembler.half(code, offset));
    }

    private static String x(int r) { return REGS[r & 31]; }

    private static Insn text(int length, String mnemonic, String operands) {
        return new Insn(length, mnemonic + "\t" + operands, -1);
    }

    private static Insn jump(int length, String mnemonic, String operands, long target) {
        return new Insn(length, mnemonic + "\t" + operands + Long.toHexString(target), target);
    }

    private static Insn unknown(int length, int bits) {
        return text(length, ".insn", "0x" + Integer.toHexString(length == 2 ? bits & 0xFFFF : bits));
    }

    // ---- 32-bit ----

    private static Insn full(int w, int at) {
        int rd = w >>> 7 & 31, f3 = w >>> 12 & 7, rs1 = w >>> 15 & 31, rs2 = w >>> 20 & 31, f7 = w >>> 25;
        int immI = w >> 20, immS = (w >> 25) << 5 | (w >>> 7 & 31);
        return switch (w & 0x7F) {
            case RvEncoder.OP_LUI -> text(4, "lui", x(rd) + ",0x" + Integer.toHexString(w >>> 12));
            case RvEncoder.OP_AUIPC -> text(4, "auipc", x(rd) + ",0x" + Integer.toHexString(w >>> 12));
            case RvEncoder.OP_JAL -> jump(4, "jal", x(rd) + ",", at + jalOffset(w) & 0xFFFF_FFFFL);
            case RvEncoder.OP_JALR -> f3 == 0 ? text(4, "jalr", x(rd) + "," + immI + "(" + x(rs1) + ")") : unknown(4, w);
            case RvEncoder.OP_BRANCH -> BRANCHES[f3] == null ? unknown(4, w)
                    : jump(4, BRANCHES[f3], x(rs1) + "," + x(rs2) + ",", at + branchOffset(w) & 0xFFFF_FFFFL);
            case RvEncoder.OP_LOAD -> LOADS[f3] == null ? unknown(4, w) : text(4, LOADS[f3], x(rd) + "," + immI + "(" + x(rs1) + ")");
            case RvEncoder.OP_STORE -> STORES[f3] == null ? unknown(4, w) : text(4, STORES[f3], x(rs2) + "," + immS + "(" + x(rs1) + ")");
            case RvEncoder.OP_IMM -> opImm(w, rd, f3, rs1, immI);
            case RvEncoder.OP -> op(w, rd, f3, rs1, rs2, f7);
            case RvEncoder.OP_SYSTEM -> system(w);
            default -> unknown(4, w);
        };
    }

    private static int jalOffset(int w) {
        int off = (w >>> 31) << 20 | (w >>> 12 & 0xFF) << 12 | (w >>> 20 & 1) << 11 | (w >>> 21 & 0x3FF) << 1;
        return off << 11 >> 11;
    }

    private static int branchOffset(int w) {
        int off = (w >>> 31) << 12 | (w >>> 7 & 1) << 11 | (w >>> 25 & 0x3F) << 5 | (w >>> 8 & 0xF) << 1;
        return off << 19 >> 19;
    }

    private static Insn opImm(int w, int rd, int f3, int rs1, int imm) {
        String regs = x(rd) + "," + x(rs1) + ",";
        if (f3 == 1) return (w >>> 25) == 0 ? text(4, "slli", regs + "0x" + Integer.toHexString(imm & 31)) : unknown(4, w);
        if (f3 == 5) {
            int top = w >>> 25;
            if (top == 0) return text(4, "srli", regs + "0x" + Integer.toHexString(imm & 31));
            if (top == 0x20) return text(4, "srai", regs + "0x" + Integer.toHexString(imm & 31));
            return unknown(4, w);
        }
        return text(4, OP_IMM[f3], regs + imm);
    }

    private static Insn op(int w, int rd, int f3, int rs1, int rs2, int f7) {
        String regs = x(rd) + "," + x(rs1) + "," + x(rs2);
        if (f7 == 1) return text(4, OP_M[f3], regs);
        if (f7 == 0) return text(4, OP[f3], regs);
        if (f7 == 0x20 && f3 == 0) return text(4, "sub", regs);
        if (f7 == 0x20 && f3 == 5) return text(4, "sra", regs);
        return unknown(4, w);
    }

    private static Insn system(int w) {
        if (w == RvEncoder.ebreak()) return new Insn(4, "ebreak", -1);
        if (w == 0x00000073) return new Insn(4, "ecall", -1);
        if (w == 0x30200073) return new Insn(4, "mret", -1);
        if (w == RvEncoder.unimp()) return new Insn(4, "unimp", -1); // csrrw zero,cycle,zero: objdump names it even without aliases
        int f3 = w >>> 12 & 7;
        String[] csrOps = {null, "csrrw", "csrrs", "csrrc", null, "csrrwi", "csrrsi", "csrrci"};
        if (csrOps[f3] == null) return unknown(4, w);
        int rd = w >>> 7 & 31, src = w >>> 15 & 31, csr = w >>> 20;
        return text(4, csrOps[f3], x(rd) + "," + RvCsrNames.of(csr) + "," + (f3 >= 5 ? String.valueOf(src) : x(src)));
    }

    // ---- compressed ----

    private static String cx(int field) { return REGS[8 + (field & 7)]; }

    private static int bit(int v, int b) { return v >>> b & 1; }

    private static Insn compressed(int h, int at) {
        int f3 = h >>> 13, rd = h >>> 7 & 31, rs2 = h >>> 2 & 31;
        int imm6 = (bit(h, 12) << 5 | h >>> 2 & 31) << 26 >> 26;
        return switch ((h & 3) << 3 | f3) {
            case 0 -> h == 0 ? new Insn(2, "c.unimp", -1) : addi4spn(h);
            case 2 -> text(2, "c.lw", cx(h >>> 2) + "," + clwOffset(h) + "(" + cx(h >>> 7) + ")");
            case 6 -> text(2, "c.sw", cx(h >>> 2) + "," + clwOffset(h) + "(" + cx(h >>> 7) + ")");
            case 8 -> text(2, "c.addi", x(rd) + "," + imm6); // objdump's no-aliases name for c.nop too
            case 9 -> jump(2, "c.jal", "", at + cjOffset(h) & 0xFFFF_FFFFL);
            case 10 -> text(2, "c.li", x(rd) + "," + imm6);
            case 11 -> rd == 2 ? text(2, "c.addi16sp", "sp," + addi16spImm(h))
                    : text(2, "c.lui", x(rd) + ",0x" + Integer.toHexString(imm6 & 0xFFFFF));
            case 12 -> arith(h, imm6);
            case 13 -> jump(2, "c.j", "", at + cjOffset(h) & 0xFFFF_FFFFL);
            case 14 -> jump(2, "c.beqz", cx(h >>> 7) + ",", at + cbOffset(h) & 0xFFFF_FFFFL);
            case 15 -> jump(2, "c.bnez", cx(h >>> 7) + ",", at + cbOffset(h) & 0xFFFF_FFFFL);
            case 16 -> text(2, "c.slli", x(rd) + ",0x" + Integer.toHexString(h >>> 2 & 31));
            case 18 -> text(2, "c.lwsp", x(rd) + "," + (bit(h, 12) << 5 | (h >>> 4 & 7) << 2 | (h >>> 2 & 3) << 6) + "(sp)");
            case 20 -> cr(h, rd, rs2);
            case 22 -> text(2, "c.swsp", x(rs2) + "," + ((h >>> 9 & 15) << 2 | (h >>> 7 & 3) << 6) + "(sp)");
            default -> unknown(2, h);
        };
    }

    private static Insn addi4spn(int h) {
        int imm = (h >>> 11 & 3) << 4 | (h >>> 7 & 15) << 6 | bit(h, 6) << 2 | bit(h, 5) << 3;
        return text(2, "c.addi4spn", cx(h >>> 2) + ",sp," + imm);
    }

    private static int clwOffset(int h) { return (h >>> 10 & 7) << 3 | bit(h, 6) << 2 | bit(h, 5) << 6; }

    private static int addi16spImm(int h) {
        int imm = bit(h, 12) << 9 | bit(h, 6) << 4 | bit(h, 5) << 6 | (h >>> 3 & 3) << 7 | bit(h, 2) << 5;
        return imm << 22 >> 22;
    }

    private static int cjOffset(int h) {
        int off = bit(h, 12) << 11 | bit(h, 11) << 4 | (h >>> 9 & 3) << 8 | bit(h, 8) << 10 | bit(h, 7) << 6 | bit(h, 6) << 7
                | (h >>> 3 & 7) << 1 | bit(h, 2) << 5;
        return off << 20 >> 20;
    }

    private static int cbOffset(int h) {
        int off = bit(h, 12) << 8 | (h >>> 10 & 3) << 3 | (h >>> 5 & 3) << 6 | (h >>> 3 & 3) << 1 | bit(h, 2) << 5;
        return off << 23 >> 23;
    }

    private static Insn arith(int h, int imm6) {
        String d = cx(h >>> 7);
        return switch (h >>> 10 & 3) {
            case 0 -> text(2, "c.srli", d + ",0x" + Integer.toHexString(h >>> 2 & 31));
            case 1 -> text(2, "c.srai", d + ",0x" + Integer.toHexString(h >>> 2 & 31));
            case 2 -> text(2, "c.andi", d + "," + imm6);
            default -> bit(h, 12) != 0 ? unknown(2, h)
                    : text(2, new String[] {"c.sub", "c.xor", "c.or", "c.and"}[h >>> 5 & 3], d + "," + cx(h >>> 2));
        };
    }

    private static Insn cr(int h, int rd, int rs2) {
        if (bit(h, 12) == 0) return rs2 == 0 ? text(2, "c.jr", x(rd)) : text(2, "c.mv", x(rd) + "," + x(rs2));
        if (rd == 0 && rs2 == 0) return new Insn(2, "c.ebreak", -1);
        return rs2 == 0 ? text(2, "c.jalr", x(rd)) : text(2, "c.add", x(rd) + "," + x(rs2));
    }
}
