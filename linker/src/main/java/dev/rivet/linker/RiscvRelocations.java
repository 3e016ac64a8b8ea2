package dev.rivet.linker;

import static dev.rivet.linker.RelocationHandler.*;

import java.util.HashMap;
import java.util.Map;

/** RISC-V relocations, per the RISC-V ELF psABI ("Relocations"). */
final class RiscvRelocations implements RelocationHandler {
    static final int R_RISCV_NONE = 0, R_RISCV_32 = 1, R_RISCV_BRANCH = 16, R_RISCV_JAL = 17, R_RISCV_CALL = 18,
            R_RISCV_CALL_PLT = 19, R_RISCV_PCREL_HI20 = 23, R_RISCV_PCREL_LO12_I = 24, R_RISCV_PCREL_LO12_S = 25,
            R_RISCV_HI20 = 26, R_RISCV_LO12_I = 27, R_RISCV_LO12_S = 28, R_RISCV_ADD32 = 35, R_RISCV_SUB32 = 39,
            R_RISCV_ALIGN = 43, R_RISCV_RVC_BRANCH = 44, R_RISCV_RVC_JUMP = 45, R_RISCV_RELAX = 51;

    /** PCREL_HI20 values by the address of their auipc, for the PCREL_LO12 relocations that name it. */
    private final Map<Long, Long> pcrelHi = new HashMap<>();

    @Override
    public void apply(Site x) {
        byte[] d = x.data();
        int o = x.offset();
        long v = x.s() + x.a();
        switch (x.reloc().type()) {
            case R_RISCV_NONE, R_RISCV_RELAX, R_RISCV_ALIGN -> { }
            case R_RISCV_32 -> write32(d, o, v);
            case R_RISCV_ADD32 -> write32(d, o, read32(d, o) + v);
            case R_RISCV_SUB32 -> write32(d, o, read32(d, o) - v);
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
            default -> throw new LinkException(x.where() + ": unsupported RISC-V relocation type " + x.reloc().type());
        }
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
