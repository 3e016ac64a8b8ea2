package dev.rivet.codegen.thumb;

import dev.rivet.codegen.asm.Disassembler;
import java.util.ArrayList;
import java.util.List;

/**
 * Thumb and the Thumb-2 forms rivet emits, to text in objdump's unified syntax. Unknown
 * encodings are shown as {@code .inst.n}/{@code .inst.w} with their bits.
 */
public final class ThumbDisassembler implements Disassembler {
    private static final String[] REGS = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "sl", "fp", "ip", "sp", "lr", "pc"};
    static final String[] CONDS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""};
    private static final String[] DP = {"ands", "eors", "lsls", "lsrs", "asrs", "adcs", "sbcs", "rors", "tst", "negs", "cmp", "cmn",
        "orrs", "muls", "bics", "mvns"};
    private static final String[] MEM_REG = {"str", "strh", "strb", "ldrsb", "ldr", "ldrh", "ldrb", "ldrsh"};

    @Override
    public Insn decode(byte[] code, int at) {
        int h = Disassembler.half(code, at);
        if (h < 0) return new Insn(code.length - at, ".byte\t0x" + Integer.toHexString(code[at] & 0xFF), -1);
        if ((h >>> 11) >= 0x1D) {
            int h2 = Disassembler.half(code, at + 2);
            if (h2 < 0) return new Insn(2, ".inst.n\t0x" + Integer.toHexString(h), -1);
            return ThumbWideDisassembler.decode(h, h2, at);
        }
        return narrow(h, at);
    }

    static String r(int n) { return REGS[n & 15]; }

    static Insn text(int length, String mnemonic, String operands) {
        return new Insn(length, mnemonic + "\t" + operands, -1);
    }

    static Insn branch(int length, String mnemonic, String operands, long target) {
        return new Insn(length, mnemonic + "\t" + operands + Long.toHexString(target), target);
    }

    private static Insn unknown(int h) { return text(2, ".inst.n", "0x" + Integer.toHexString(h)); }

    private static Insn narrow(int h, int at) {
        int rd = h & 7, rn = h >>> 3 & 7, r8 = h >>> 8 & 7, imm8 = h & 0xFF;
        return switch (h >>> 12) {
            case 0x0, 0x1 -> shiftOrAdd(h);
            case 0x2 -> text(2, (h & 0x800) == 0 ? "movs" : "cmp", r(r8) + ", #" + imm8);
            case 0x3 -> text(2, (h & 0x800) == 0 ? "adds" : "subs", r(r8) + ", #" + imm8);
            case 0x4 -> group4(h, at);
            case 0x5 -> text(2, MEM_REG[h >>> 9 & 7], r(rd) + ", [" + r(rn) + ", " + r(h >>> 6 & 7) + "]");
            case 0x6 -> memImm((h & 0x800) == 0 ? "str" : "ldr", h, 4);
            case 0x7 -> memImm((h & 0x800) == 0 ? "strb" : "ldrb", h, 1);
            case 0x8 -> memImm((h & 0x800) == 0 ? "strh" : "ldrh", h, 2);
            case 0x9 -> text(2, (h & 0x800) == 0 ? "str" : "ldr", r(r8) + ", [sp, #" + imm8 * 4 + "]");
            case 0xA -> text(2, "add", r(r8) + ", " + ((h & 0x800) == 0 ? "pc" : "sp") + ", #" + imm8 * 4);
            case 0xB -> misc(h, at);
            case 0xC -> text(2, (h & 0x800) == 0 ? "stmia" : "ldmia", r(r8) + ((h & 0x800) != 0 && (imm8 >>> r8 & 1) != 0 ? ", " : "!, ")
                    + registerList(imm8));
            case 0xD -> conditional(h, at);
            case 0xE -> branch(2, "b.n", "", at + 4 + ((h & 0x7FF) << 21 >> 20) & 0xFFFF_FFFFL);
            default -> unknown(h);
        };
    }

    private static Insn shiftOrAdd(int h) {
        int rd = h & 7, rm = h >>> 3 & 7, imm5 = h >>> 6 & 31;
        return switch (h >>> 11) {
            case 0 -> imm5 == 0 ? text(2, "movs", r(rd) + ", " + r(rm)) : text(2, "lsls", r(rd) + ", " + r(rm) + ", #" + imm5);
            case 1 -> text(2, "lsrs", r(rd) + ", " + r(rm) + ", #" + (imm5 == 0 ? 32 : imm5));
            case 2 -> text(2, "asrs", r(rd) + ", " + r(rm) + ", #" + (imm5 == 0 ? 32 : imm5));
            default -> {
                String op = (h & 0x200) == 0 ? "adds" : "subs";
                int third = h >>> 6 & 7;
                yield text(2, op, r(rd) + ", " + r(rm) + ", " + ((h & 0x400) == 0 ? r(third) : "#" + third));
            }
        };
    }

    private static Insn group4(int h, int at) {
        int rd = h & 7, rm = h >>> 3 & 7;
        if ((h & 0xFC00) == 0x4000) {
            int op = h >>> 6 & 15;
            if (op == 9) return text(2, "negs", r(rd) + ", " + r(rm));
            return text(2, DP[op], r(rd) + ", " + r(rm));
        }
        if ((h & 0xFC00) == 0x4400) {
            int dn = (h >>> 4 & 8) | rd, m = h >>> 3 & 15;
            return switch (h >>> 8 & 3) {
                case 0 -> text(2, "add", r(dn) + ", " + r(m));
                case 1 -> text(2, "cmp", r(dn) + ", " + r(m));
                case 2 -> text(2, "mov", r(dn) + ", " + r(m));
                default -> text(2, (h & 0x80) == 0 ? "bx" : "blx", r(m));
            };
        }
        int imm = (h & 0xFF) * 4;
        return text(2, "ldr", r(h >>> 8 & 7) + ", [pc, #" + imm + "]");
    }

    private static Insn memImm(String op, int h, int scale) {
        return text(2, op, r(h & 7) + ", [" + r(h >>> 3 & 7) + ", #" + (h >>> 6 & 31) * scale + "]");
    }

    private static Insn misc(int h, int at) {
        if ((h & 0xFF00) == 0xB000) return text(2, (h & 0x80) == 0 ? "add" : "sub", "sp, #" + (h & 0x7F) * 4);
        if ((h & 0xF500) == 0xB100) {
            int off = (h >>> 9 & 1) << 6 | (h >>> 3 & 31) << 1;
            return branch(2, (h & 0x800) == 0 ? "cbz" : "cbnz", r(h & 7) + ", ", at + 4 + off);
        }
        if ((h & 0xFF00) == 0xB200) {
            String[] ops = {"sxth", "sxtb", "uxth", "uxtb"};
            return text(2, ops[h >>> 6 & 3], r(h & 7) + ", " + r(h >>> 3 & 7));
        }
        if ((h & 0xFE00) == 0xB400) return text(2, "push", registerList((h & 0xFF) | (h & 0x100) << 6));
        if ((h & 0xFE00) == 0xBC00) return text(2, "pop", registerList((h & 0xFF) | (h & 0x100) << 7));
        if ((h & 0xFF00) == 0xBA00) {
            String[] ops = {"rev", "rev16", null, "revsh"};
            String op = ops[h >>> 6 & 3];
            return op == null ? unknown(h) : text(2, op, r(h & 7) + ", " + r(h >>> 3 & 7));
        }
        if ((h & 0xFF00) == 0xBE00) return text(2, "bkpt", String.format("0x%04x", h & 0xFF));
        if ((h & 0xFF00) == 0xBF00) return (h & 0xF) == 0 ? hint(h) : it(h);
        return unknown(h);
    }

    private static Insn hint(int h) {
        String[] hints = {"nop", "yield", "wfe", "wfi", "sev"};
        int op = h >>> 4 & 15;
        return op < hints.length ? new Insn(2, hints[op], -1) : unknown(h);
    }

    /** IT{x{y{z}}} firstcond: the mask's bits after the first say then (same as bit 0 of the condition) or else. */
    private static Insn it(int h) {
        int first = h >>> 4 & 15, mask = h & 15;
        StringBuilder sb = new StringBuilder("it");
        int last = Integer.numberOfTrailingZeros(mask);
        for (int b = 3; b > last; b--) sb.append(((mask >>> b & 1) == (first & 1)) ? 't' : 'e');
        return text(2, sb.toString(), CONDS[first]);
    }

    private static Insn conditional(int h, int at) {
        int cond = h >>> 8 & 15;
        if (cond == 14) return text(2, "udf", "#" + (h & 0xFF));
        if (cond == 15) return text(2, "svc", (h & 0xFF) + "");
        return branch(2, "b" + CONDS[cond] + ".n", "", at + 4 + ((h & 0xFF) << 24 >> 23) & 0xFFFF_FFFFL);
    }

    /** "{r4, r5, lr}" from a 16-bit register mask. */
    static String registerList(int mask) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 16; k++) if ((mask >>> k & 1) != 0) names.add(r(k));
        return "{" + String.join(", ", names) + "}";
    }
}
