package dev.rivet.emulator;

import dev.rivet.boards.Core;
import dev.rivet.emulator.unicorn.Unicorn;
import dev.rivet.emulator.unicorn.UnicornException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cortex-M cores in Unicorn's M-class Thumb mode. Unicorn does not enforce ARMv6-M's smaller
 * instruction set (its M0 model runs Thumb-2); that rule is checked statically on rivet's output.
 */
record ArmCortexM(Core core) implements Cpu {
    static final int R0 = 66, SP = 12, LR = 10, PC = 11, XPSR = 120;
    private static final int UC_CPU_M0 = 7, UC_CPU_M3 = 8, UC_CPU_M4 = 9, UC_CPU_M33 = 11;
    /** QEMU's exception numbers as Unicorn reports them to the interrupt hook. */
    private static final int EXCP_UDEF = 1, EXCP_SWI = 2, EXCP_BKPT = 7;
    private static final int SEMIHOSTING_BKPT = 0xBEAB;

    @Override
    public Unicorn open() {
        int model = switch (core) {
            case CORTEX_M0, CORTEX_M0PLUS -> UC_CPU_M0;
            case CORTEX_M3 -> UC_CPU_M3;
            case CORTEX_M4, CORTEX_M4F -> UC_CPU_M4;
            case CORTEX_M33 -> UC_CPU_M33;
            default -> throw new IllegalArgumentException(core + " is not a Cortex-M core");
        };
        return new Unicorn(Unicorn.ARCH_ARM, Unicorn.MODE_THUMB | Unicorn.MODE_MCLASS, model);
    }

    @Override public int pcRegister() { return PC; }
    @Override public int spRegister() { return SP; }
    @Override public int linkRegister() { return LR; }
    @Override public int semihostingOpRegister() { return R0; }
    @Override public int semihostingParamRegister() { return R0 + 1; }
    @Override public long startAddress(long pc) { return pc | 1; }
    @Override public long afterSemihosting(long pc) { return pc + 2; }
    @Override public boolean semihostingInHook() { return true; }

    @Override
    public Trap interrupt(Unicorn uc, int intno, long pc) {
        return switch (intno) {
            case EXCP_BKPT -> {
                int insn = halfword(uc, pc);
                yield insn == SEMIHOSTING_BKPT ? new Trap.Semihost()
                        : new Trap.Fail(FaultKind.TRAP, String.format("bkpt #0x%02x", insn & 0xFF));
            }
            case EXCP_SWI -> new Trap.Fail(FaultKind.TRAP, String.format("svc #0x%02x", halfword(uc, pc - 2) & 0xFF));
            case EXCP_UDEF -> new Trap.Fail(FaultKind.UNDEFINED_INSTRUCTION, "");
            default -> new Trap.Fail(FaultKind.CPU_EXCEPTION, "exception " + intno);
        };
    }

    @Override
    public Trap invalidInstruction(Unicorn uc, long pc) {
        return new Trap.Fail(FaultKind.UNDEFINED_INSTRUCTION, String.format("encoding 0x%04x", halfword(uc, pc)));
    }

    private static int halfword(Unicorn uc, long address) {
        try {
            return uc.readHalf(address);
        } catch (UnicornException e) {
            return -1;
        }
    }

    @Override
    public List<String> registers(Unicorn uc) {
        List<String> regs = new ArrayList<>();
        for (int i = 0; i <= 12; i++) regs.add(String.format("r%d=%08x", i, uc.reg(R0 + i)));
        regs.add(String.format("sp=%08x", uc.reg(SP)));
        regs.add(String.format("lr=%08x", uc.reg(LR)));
        regs.add(String.format("xpsr=%08x", uc.reg(XPSR)));
        return regs;
    }

    /** b.n . (0xe7fe), a conditional b<c> . (0xdcfe: flags cannot change), or b.w . (0xf7ff 0xbffe). */
    @Override
    public boolean isBranchToSelf(byte[] code) {
        int h0 = (code[0] & 0xff) | (code[1] & 0xff) << 8, h1 = (code[2] & 0xff) | (code[3] & 0xff) << 8;
        return h0 == 0xe7fe || (h0 & 0xf0ff) == 0xd0fe && (h0 & 0x0f00) < 0x0e00 || h0 == 0xf7ff && h1 == 0xbffe;
    }
}
