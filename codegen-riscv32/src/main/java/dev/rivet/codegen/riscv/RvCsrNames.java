package dev.rivet.codegen.riscv;

/** Names of the machine-mode CSRs firmware touches, as assemblers and disassemblers spell them. */
final class RvCsrNames {
    private RvCsrNames() {}

    static String of(int csr) {
        return switch (csr) {
            case 0x300 -> "mstatus";
            case 0x301 -> "misa";
            case 0x304 -> "mie";
            case 0x305 -> "mtvec";
            case 0x340 -> "mscratch";
            case 0x341 -> "mepc";
            case 0x342 -> "mcause";
            case 0x343 -> "mtval";
            case 0x344 -> "mip";
            case 0xC00 -> "cycle";
            case 0xC01 -> "time";
            case 0xC02 -> "instret";
            case 0xF14 -> "mhartid";
            default -> "0x" + Integer.toHexString(csr);
        };
    }
}
