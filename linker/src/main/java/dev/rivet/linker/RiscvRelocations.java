package dev.rivet.linker;

import static dev.rivet.linker.RelocationHandler.*;

import java.util.HashMap;
import java.util.Map;

/**
 * RISC-V relocations, per the RISC-V ELF psABI ("Relocations"). GPREL_I/S exist only inside the
 * linker (as in GNU ld): relaxation turns a LO12 whose symbol is near gp into them.
 */
public final class RiscvRelocations implements RelocationHandler {
    public static final int R_RISCV_NONE = 0, R_RISCV_32 = 1, R_RISCV_BRANCH = 16, R_RISCV_JAL = 17, R_RISCV_CALL = 18,
            R_RISCV_CALL_PLT = 19, R_RISCV_PCREL_HI20 = 23, R_RISCV_PCREL_LO12_I = 24, R_RISCV_PCREL_LO12_S = 25,
            R_RISCV_HI20 = 26, R_RISCV_LO12_I = 27, R_RISCV_LO12_S = 28, R_RISCV_ADD8 = 33, R_RISCV_ADD16 = 34, R_RISCV_ADD32 = 35,
            R_RISCV_SUB8 = 37, R_RISCV_SUB16 = 38, R_RISCV_SUB32 = 39, R_RISCV_SUB6 = 52, R_RISCV_SET6 = 53, R_RISCV_SET8 = 54,
            R_RISCV_SET16 = 55, R_RISCV_SET32 = 56,
            R_RISCV_ALIGN = 43, R_RISCV_RVC_BRANCH = 44, R_RISCV_RVC_JUMP = 45, R_RISCV_RVC_LUI = 46,
            R_RISCV_GPREL_I = 47, R_RISCV_GPREL_S = 48, R_RISCV_RELAX = 51;

    /** PCREL_HI20 values by the address of their auipc, for the PCREL_LO12 relocations that name it. */
    private final Map<Long, Long> pcrelHi = new HashMap<>();
    /** The address of __global_pointer$, for GPREL relocations (relaxation makes them only when it is defined). */
    private final long gp;

    RiscvRelocations(long gp) {
        this.gp = gp;
    }

    /** Calls and branches: they use a function without taking its address. */
    static boolean isBranch(int type) {
        return switch (type) {
            case R_RISCV_BRANCH, R_RISCV_JAL, R_RISCV_CALL, R_RISCV_CALL_PLT, R_RISCV_RVC_BRANCH, R_RISCV_RVC_JUMP -> true;
            default -> false;
        };
    }

    @Override
    public void apply(Site x) {
        byte[] d = x.data();
        int o = x.offset();
        long v = x.s() + x.a();
        switch (x.reloc().type()) {
            case R_RISCV_NONE, R_RISCV_RELAX, R_RISCV_ALIGN -> { }
            case R_RISCV_32 -> write32(d, o, v);
            // data that a relaxing linker must keep right, such as jump-table entries (the distance
            // between two labels: SET or ADD of one, SUB of the other); the arithmetic wraps
            case R_RISCV_ADD8 -> d[o] = (byte) (d[o] + v);
            case R_RISCV_ADD16 -> write16(d, o, (int) (read16(d, o) + v));
            case R_RISCV_ADD32 -> write32(d, o, read32(d, o) + v);
            case R_RISCV_SUB6 -> d[o] = (byte) (d[o] & 0xC0 | (d[o] - v) & 0x3F);
            case R_RISCV_SUB8 -> d[o] = (byte) (d[o] - v);
            case R_RISCV_SUB16 -> write16(d, o, (int) (read16(d, o) - v));
            case R_RISCV_SUB32 -> write32(d, o, read32(d, o) - v);
            case R_RISCV_SET6 -> d[o] = (byte) (d[o] & 0xC0 | v & 0x3F);
            case R_RISCV_SET8 -> d[o] = (byte) v;
            case R_RISCV_SET16 -> write16(d, o, (int) v);
            case R_RISCV_SET32 -> write32(d, o, v);
            case R_RISCV_BRANCH -> {
                long off = v - x.p();
                checkRange(x, off, -4096, 4094, "R_RISCV_BRANCH");
                write32(d, o, read32(d, o) & 0x01FF_F07FL | bType(off));
            }
            case R_RISCV_JAL -> {
                long off = v - x.p();
                checkRange(x, off, -(1L << 20), (1L << 20) - 2, "R_RISCV_JAL");
                write32(d, o, read32(d, o) & 0xFFFL | jType(off));
            }
            case R_RISCV_CALL, R_RISCV_CALL_PLT -> {
                long off = v - x.p();
                checkRange(x, off, -(1L << 31), (1L << 31) - 1, "R_RISCV_CALL");
                write32(d, o, read32(d, o) & 0xFFFL | hi20(off));
                write32(d, o + 4, read32(d, o + 4) & 0x000F_FFFFL | (off & 0xFFF) << 20);
            }
            case R_RISCV_HI20 -> write32(d, o, read32(d, o) & 0xFFFL | hi20(v));
            case R_RISCV_LO12_I -> write32(d, o, read32(d, o) & 0x000F_FFFFL | (v & 0xFFF) << 20);
            case R_RISCV_LO12_S -> write32(d, o, read32(d, o) & 0x01FF_F07FL | sType(v));
            case R_RISCV_PCREL_HI20 -> {
                long off = v - x.p();
                pcrelHi.put(x.p(), off);
                write32(d, o, read32(d, o) & 0xFFFL | hi20(off));
            }
            case R_RISCV_PCREL_LO12_I, R_RISCV_PCREL_LO12_S -> {
                Long off = pcrelHi.get(x.s());
                if (off == null) throw new LinkException(x.where() + ": R_RISCV_PCREL_LO12 without its PCREL_HI20 at 0x" + Long.toHexString(x.s()));
                if (x.reloc().type() == R_RISCV_PCREL_LO12_I) write32(d, o, read32(d, o) & 0x000F_FFFFL | (off & 0xFFF) << 20);
                else write32(d, o, read32(d, o) & 0x01FF_F07FL | sType(off));
            }
            case R_RISCV_RVC_BRANCH -> {
                long off = v - x.p();
                checkRange(x, off, -256, 254, "R_RISCV_RVC_BRANCH");
                write16(d, o, read16(d, o) & 0xE383 | cbType(off));
            }
            case R_RISCV_RVC_JUMP -> {
                long off = v - x.p();
                checkRange(x, off, -2048, 2046, "R_RISCV_RVC_JUMP");
                write16(d, o, read16(d, o) & 0xE003 | cjType(off));
            }
            case R_RISCV_RVC_LUI -> write16(d, o, rvcLui(read16(d, o), hi20(v) >>> 12));
            case R_RISCV_GPREL_I -> {
                long off = v - gp;
                checkRange(x, off, -2048, 2047, "R_RISCV_GPREL_I");
                write32(d, o, read32(d, o) & 0x000F_FFFFL | (off & 0xFFF) << 20);
            }
            case R_RISCV_GPREL_S -> {
                long off = v - gp;
                checkRange(x, off, -2048, 2047, "R_RISCV_GPREL_S");
                write32(d, o, read32(d, o) & 0x01FF_F07FL | sType(off));
            }
            default -> throw new LinkException(x.where() + ": unsupported RISC-V relocation type " + x.reloc().type());
        }
    }

    /**
     * c.lui rd, hi with hi (20 bits) as a sign-extended 6-bit immediate. Relaxation can bring an
     * address just below 0x800, where hi is 0, which c.lui cannot encode: then c.li rd, 0, as
     * GNU ld does (the addi that follows adds the low part to zero).
     */
    static int rvcLui(int insn, long hi) {
        int rd = insn >> 7 & 0x1F;
        if (hi == 0) return 0x4001 | rd << 7; // c.li rd, 0
        return 0x6001 | (int) (hi >> 5 & 1) << 12 | rd << 7 | (int) (hi & 0x1F) << 2;
    }

    /** Whether c.lui can load {@code hi} (the upper 20 bits): a nonzero sign-extended 6-bit value. */
    static boolean rvcLuiFits(long hi) {
        return hi != 0 && (hi < 32 || hi >= 0xFFFE0);
    }

    static long hi20(long v) { return ((v + 0x800) >> 12 & 0xFFFFF) << 12; }

    static long bType(long off) {
        return (off >> 12 & 1) << 31 | (off >> 5 & 0x3F) << 25 | (off >> 1 & 0xF) << 8 | (off >> 11 & 1) << 7;
    }

    static long jType(long off) {
        return (off >> 20 & 1) << 31 | (off >> 1 & 0x3FF) << 21 | (off >> 11 & 1) << 20 | (off >> 12 & 0xFF) << 12;
    }

    static long sType(long v) { return (v >> 5 & 0x7F) << 25 | (v & 0x1F) << 7; }

    static int cbType(long off) {
        return (int) ((off >> 8 & 1) << 12 | (off >> 3 & 3) << 10 | (off >> 6 & 3) << 5 | (off >> 1 & 3) << 3 | (off >> 5 & 1) << 2);
    }

    static int cjType(long off) {
        return (int) ((off >> 11 & 1) << 12 | (off >> 4 & 1) << 11 | (off >> 8 & 3) << 9 | (off >> 10 & 1) << 8
                | (off >> 6 & 1) << 7 | (off >> 7 & 1) << 6 | (off >> 1 & 7) << 3 | (off >> 5 & 1) << 2);
    }
}
