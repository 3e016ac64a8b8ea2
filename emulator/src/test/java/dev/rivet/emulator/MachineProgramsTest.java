package dev.rivet.emulator;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hand-encoded firmware, checked by objdump, printing and exiting on each ISA and console kind. */
class MachineProgramsTest {
    static final BoardRegistry BOARDS = BoardRegistry.builtin();

    /** Output and status of a run, with the instruction count. */
    record Outcome(String stdout, String stderr, RunResult result) {}

    static Outcome run(Board board, Code code, long budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Machine m = new Machine(board, out, err)) {
            m.load(code.base(), code.bytes());
            m.reset();
            RunResult r = m.run(budget);
            return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), r);
        }
    }

    private static void assertExit(Outcome o, String stdout, int status) {
        assertInstanceOf(RunResult.Exited.class, o.result(), () -> o.result() instanceof RunResult.Faulted f
                ? f.fault().describe(a -> "") : o.result().toString());
        assertEquals(stdout, o.stdout());
        assertEquals(status, o.result().exitStatus());
    }

    @Test
    void cortexM0PlusOnPicoPrintsThroughSemihostingAndPl011() throws Exception {
        Board pico = BOARDS.get("pico");
        Code code = TestPrograms.thumb(0x10000100L, 0x20001000L,
                new TestPrograms.Uart(0x40034000L, 0x18, 5, 0, 0x00), "semihosting on m0+\n", "pl011 on m0+\n", 42);
        Objdump.check(Objdump.Isa.THUMB, code);
        assertExit(run(pico, code, 100_000), "semihosting on m0+\npl011 on m0+\n", 42);
    }

    @Test
    void cortexM3OnBluepillPrintsThroughSemihostingAndUsart() throws Exception {
        Board bluepill = BOARDS.get("bluepill");
        Code code = TestPrograms.thumb(0x08000000L, 0x20005000L,
                new TestPrograms.Uart(0x40013800L, 0x00, 7, 1, 0x04), "semihosting on m3\n", "usart on m3\n", 3);
        Objdump.check(Objdump.Isa.THUMB, code);
        Outcome o = run(bluepill, code, 100_000);
        assertExit(o, "semihosting on m3\nusart on m3\n", 3);
        assertTrue(o.result().instructions() > 50 && o.result().instructions() < 500, "count " + o.result().instructions());
    }

    @Test
    void thumbVirtMachineUsesSemihostingOnly() throws Exception {
        Code code = TestPrograms.thumb(0, 0x20040000L, null, "virt m4\n", "", 0);
        Objdump.check(Objdump.Isa.THUMB, code);
        assertExit(run(BOARDS.get("virt-thumbv7em-none-eabi"), code, 1000), "virt m4\n", 0);
    }

    @Test
    void rv32imcOnEsp32c3PrintsThroughSemihostingAndUart() throws Exception {
        // ESP32-C3 UART0: STATUS.TXFIFO_CNT bits 25:16; bit 25 clear is enough for the one-bit test here.
        Code code = TestPrograms.riscv(0x40380000L, new TestPrograms.Uart(0x60000000L, 0x1C, 25, 0, 0x00),
                true, "semihosting on rv32imc\n", "uart on rv32imc\n", 7);
        Objdump.check(Objdump.Isa.RISCV32, code);
        assertExit(run(BOARDS.get("esp32c3-devkitm"), code, 100_000), "semihosting on rv32imc\nuart on rv32imc\n", 7);
    }

    @Test
    void rv32imacOnHifivePrintsThroughSemihostingAndUart() throws Exception {
        Code code = TestPrograms.riscv(0x20010000L, new TestPrograms.Uart(0x10013000L, 0x00, 31, 0, 0x00),
                true, "semihosting on fe310\n", "uart on fe310\n", 0);
        Objdump.check(Objdump.Isa.RISCV32, code);
        assertExit(run(BOARDS.get("hifive1-revb"), code, 100_000), "semihosting on fe310\nuart on fe310\n", 0);
    }

    @Test
    void rv32ecOnCh32v003PrintsThroughSemihostingAndUsart() throws Exception {
        Code code = TestPrograms.riscv(0x00000000L, new TestPrograms.Uart(0x40013800L, 0x00, 7, 1, 0x04),
                true, "semihosting on rv32ec\n", "usart on rv32ec\n", 100);
        Objdump.check(Objdump.Isa.RISCV32, code);
        assertExit(run(BOARDS.get("ch32v003-evt"), code, 100_000), "semihosting on rv32ec\nusart on rv32ec\n", 100);
    }

    @Test
    void rv32iWithoutCompressedInstructions() throws Exception {
        Code code = TestPrograms.riscv(0x20000000L, null, false, "plain rv32i\n", "", 9);
        Objdump.check(Objdump.Isa.RISCV32, code);
        assertTrue(code.insns().stream().allMatch(i -> i.bytes().length == 4));
        assertExit(run(BOARDS.get("virt-riscv32i-unknown-none-elf"), code, 1000), "plain rv32i\n", 9);
    }

    @Test
    void flashAliasShowsTheSameBytes() {
        Board bluepill = BOARDS.get("bluepill");
        try (Machine m = new Machine(bluepill, new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            m.load(0x08000010L, new byte[] {1, 2, 3, 4});
            assertArrayEquals(new byte[] {1, 2, 3, 4}, m.peek(0x10, 4));
        }
    }
}
