package dev.rivet.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Hand-encoded firmware for the emulator tests: print one line through semihosting, one line
 * through the board's UART (when given), then exit through SYS_EXIT_EXTENDED with a status.
 * Each program is built twice: the first pass finds the labels, the second encodes with them.
 */
final class TestPrograms {
    /** How to send a byte on a UART: wait until (status >> bit) & 1 == readyValue, then store to data. */
    record Uart(long base, int statusOffset, int bit, int readyValue, int dataOffset) {}

    static final long APPLICATION_EXIT = 0x20026;

    private TestPrograms() {}

    private static final class Labels {
        final Map<String, Long> known = new HashMap<>();

        long get(String name, long fallback) { return known.getOrDefault(name, fallback); }

        void set(String name, long address) { known.put(name, address); }
    }

    /**
     * A Cortex-M image: a two-word vector table at {@code base} (SP, reset) followed by the code.
     * Uses only 16-bit ARMv6-M instructions.
     */
    static Code thumb(long base, long sp, Uart uart, String semiLine, String uartLine, int status) {
        Labels labels = new Labels();
        thumbPass(base, sp, uart, semiLine, uartLine, status, labels);
        return thumbPass(base, sp, uart, semiLine, uartLine, status, labels);
    }

    private static Code thumbPass(long base, long sp, Uart uart, String semiLine, String uartLine, int status, Labels l) {
        Code c = new Code(base);
        c.word(sp).word((base + 8) | 1);
        ThumbAsm a = new ThumbAsm(c);
        long lit = (a.here() + 4) & ~3L;
        a.adr(1, l.get("semi", lit)).movs(0, 4).bkpt(0xAB);            // SYS_WRITE0
        if (uart != null) {
            a.ldrLiteral(2, l.get("uartBase", (a.here() + 4) & ~3L));
            a.adr(3, l.get("uartMsg", (a.here() + 4) & ~3L));
            long loop = a.here();
            a.ldrb(0, 3, 0).cmp(0, 0).bcond(0, l.get("done", a.here()));
            long wait = a.here();
            a.ldr(1, 2, uart.statusOffset()).lsls(1, 1, 31 - uart.bit());
            a.bcond(uart.readyValue() == 1 ? 5 : 4, wait);               // bpl / bmi: not ready yet
            a.strb(0, 2, uart.dataOffset()).adds(3, 1).b(loop);
        }
        l.set("done", a.here());
        a.adr(1, l.get("exit", (a.here() + 4) & ~3L)).movs(0, 0x20).bkpt(0xAB);  // SYS_EXIT_EXTENDED
        a.b(a.here());
        c.align(4);
        l.set("uartBase", c.here());
        c.word(uart == null ? 0 : uart.base());
        l.set("exit", c.here());
        c.word(APPLICATION_EXIT).word(status);
        l.set("semi", c.here());
        c.ascii(semiLine + "\0").align(4);
        l.set("uartMsg", c.here());
        c.ascii(uartLine + "\0").align(4);
        return c;
    }

    /** An RV32 program starting at {@code base}, using only x0..x15 (valid on RV32E). */
    static Code riscv(long base, Uart uart, boolean compressed, String semiLine, String uartLine, int status) {
        Labels labels = new Labels();
        riscvPass(base, uart, compressed, semiLine, uartLine, status, labels);
        return riscvPass(base, uart, compressed, semiLine, uartLine, status, labels);
    }

    private static Code riscvPass(long base, Uart uart, boolean compressed, String semiLine, String uartLine,
                                  int status, Labels l) {
        Code c = new Code(base);
        RiscvAsm a = new RiscvAsm(c);
        a.la(RiscvAsm.A1, l.get("semi", a.here()));
        if (compressed) a.cLi(RiscvAsm.A0, 4); else a.addi(RiscvAsm.A0, RiscvAsm.ZERO, 4);
        a.semihost();                                                    // SYS_WRITE0
        if (uart != null) {
            a.li(RiscvAsm.A2, uart.base());
            a.la(RiscvAsm.A3, l.get("uartMsg", a.here()));
            long loop = a.here();
            a.lbu(RiscvAsm.A0, RiscvAsm.A3, 0).branch(0, RiscvAsm.A0, RiscvAsm.ZERO, l.get("done", a.here()));
            long wait = a.here();
            a.lw(RiscvAsm.A1, RiscvAsm.A2, uart.statusOffset()).slli(RiscvAsm.A1, RiscvAsm.A1, 31 - uart.bit());
            a.branch(uart.readyValue() == 1 ? 5 : 4, RiscvAsm.A1, RiscvAsm.ZERO, wait);  // bge / blt: not ready
            a.sb(RiscvAsm.A0, RiscvAsm.A2, uart.dataOffset());
            if (compressed) a.cAddi(RiscvAsm.A3, 1).cJ(loop); else a.addi(RiscvAsm.A3, RiscvAsm.A3, 1).jal(RiscvAsm.ZERO, loop);
        }
        l.set("done", a.here());
        a.la(RiscvAsm.A1, l.get("exit", a.here())).addi(RiscvAsm.A0, RiscvAsm.ZERO, 0x20).semihost();
        a.jal(RiscvAsm.ZERO, a.here());
        c.align(4);
        l.set("exit", c.here());
        c.word(APPLICATION_EXIT).word(status);
        l.set("semi", c.here());
        c.ascii(semiLine + "\0").align(4);
        l.set("uartMsg", c.here());
        c.ascii(uartLine + "\0").align(4);
        return c;
    }
}
