package dev.rivet.emulator;

import dev.rivet.boards.Core;
import dev.rivet.emulator.unicorn.Unicorn;
import dev.rivet.emulator.unicorn.UnicornException;
import java.util.ArrayList;
import java.util.List;

/**
 * RV32 cores. Unicorn's RV32 model always has 32 registers and the M extension; RV32E and
 * "no M" rules are checked statically on rivet's output. Semihosting is the RISC-V sequence
 * {@code slli x0,x0,0x1f; ebreak; srai x0,x0,7}: Unicorn reports the EBREAK as an invalid
 * instruction, and only the full three-instruction pattern counts as a call.
 */
record Riscv32(Core core) implements Cpu {
    static final int X0 = 1, PC = 190;
    static final int SP = X0 + 2, A0 = X0 + 10, A1 = X0 + 11;
    static final int SLLI_X0_1F = 0x01f01013, EBREAK = 0x00100073, SRAI_X0_7 = 0x40705013;
    private static final int C_EBREAK = 0x9002;
    /** RISC-V exception causes, which Unicorn passes to the interrupt hook as the number. */
    private static final int EXCP_FETCH_MISALIGNED = 0, EXCP_ILLEGAL = 2, EXCP_BREAKPOINT = 3,
            EXCP_LOAD_MISALIGNED = 4, EXCP_STORE_MISALIGNED = 6, EXCP_ECALL_U = 8, EXCP_ECALL_M = 11;
    private static final String[] ABI_NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
        "s10", "s11", "t3", "t4", "t5", "t6"};

    @Override
    public Unicorn open() {
        return new Unicorn(Unicorn.ARCH_RISCV, Unicorn.MODE_RISCV32, -1);
    }

    @Override public int pcRegister() { return PC; }
    @Override public int spRegister() { return SP; }
    @Override public int linkRegister() { return X0 + 1; }
    @Override public int semihostingOpRegister() { return A0; }
    @Override public int semihostingParamRegister() { return A1; }
    @Override public long startAddress(long pc) { return pc; }
    @Override public long afterSemihosting(long pc) { return pc + 8; }
    @Override public boolean semihostingInHook() { return false; }

    @Override
    public Trap interrupt(Unicorn uc, int intno, long pc) {
        return switch (intno) {
            case EXCP_ILLEGAL -> invalidInstruction(uc, pc);
            case EXCP_BREAKPOINT -> new Trap.Fail(FaultKind.TRAP, "ebreak");
            case EXCP_ECALL_U, EXCP_ECALL_M -> new Trap.Fail(FaultKind.TRAP, "ecall");
            case EXCP_FETCH_MISALIGNED -> new Trap.Fail(FaultKind.BAD_FETCH, "misaligned instruction address");
            case EXCP_LOAD_MISALIGNED -> new Trap.Fail(FaultKind.BAD_ACCESS, "misaligned load");
            case EXCP_STORE_MISALIGNED -> new Trap.Fail(FaultKind.BAD_ACCESS, "misaligned store");
            default -> new Trap.Fail(FaultKind.CPU_EXCEPTION, "exception cause " + intno);
        };
    }

    @Override
    public Trap invalidInstruction(Unicorn uc, long pc) {
        long insn = word(uc, pc);
        if (insn == EBREAK && word(uc, pc - 4) == SLLI_X0_1F && word(uc, pc + 4) == SRAI_X0_7)
            return new Trap.Semihost();
        if (insn == EBREAK || (insn & 0xFFFF) == C_EBREAK) return new Trap.Fail(FaultKind.TRAP, "ebreak");
        return new Trap.Fail(FaultKind.UNDEFINED_INSTRUCTION,
                (insn & 3) == 3 ? String.format("encoding 0x%08x", insn) : String.format("encoding 0x%04x", insn & 0xFFFF));
    }

    private static long word(Unicorn uc, long address) {
        try {
            return uc.readWord(address);
        } catch (UnicornException e) {
            return -1;
        }
    }

    @Override
    public List<String> registers(Unicorn uc) {
        List<String> regs = new ArrayList<>();
        int count = core == Core.RV32EC ? 16 : 32;
        for (int i = 1; i < count; i++) regs.add(String.format("%s=%08x", ABI_NAMES[i], uc.reg(X0 + i)));
        return regs;
    }

    /** c.j . (0xa001), jal x0, . (0x0000006f), or beq x0, x0, . (0x00000063). */
    @Override
    public boolean isBranchToSelf(byte[] code) {
        int h0 = (code[0] & 0xff) | (code[1] & 0xff) << 8;
        long w = h0 | (long) ((code[2] & 0xff) | (code[3] & 0xff) << 8) << 16;
        return h0 == 0xa001 || w == 0x0000006fL || w == 0x00000063L;
    }
}
