package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BoardsCommandTest {
    @Test
    void tableListsEveryBoardWithItsFacts() {
        CliRunner r = CliRunner.run("boards");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(11, lines.length);
        assertTrue(lines[0].matches("BOARD\\s+CHIP\\s+CORE\\s+TARGET\\s+FLASH\\s+RAM\\s+FLASHING"), lines[0]);
        assertTrue(r.out().contains("bluepill         STM32F103C8   cortex-m3      thumbv7m-none-eabi              64 KiB     20 KiB  stm32-usart (AN3155)"),
                r.out());
        for (String t : new String[] {"thumbv6m-none-eabi", "thumbv7m-none-eabi", "thumbv7em-none-eabi",
            "riscv32imc-unknown-none-elf", "riscv32imac-unknown-none-elf", "riscv32ec-unknown-none-elf"})
            assertTrue(r.out().contains(t), t);
    }

    @Test
    void oneBoardInFull() {
        CliRunner r = CliRunner.run("boards", "longan-nano");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("longan-nano: Sipeed Longan Nano, GD32VF103CBT6\n"), r.out());
        assertTrue(r.out().contains("  FLASH  flash 0x08000000     128 KiB  rx  also at 0x00000000\n"), r.out());
        assertTrue(r.out().contains("  RISC-V reset at 0x00000000, traps via eclic\n"), r.out());
        assertTrue(r.out().contains("  PC13 (red): pin 13 of the port at 0x40011000, output register 0x4001100c, active low\n"), r.out());
        assertTrue(r.out().contains("STM32 USART bootloader (AN3155), 115200 baud 8E1, product id 0x410"), r.out());
    }

    @Test
    void virtMachinesAreDescribed() {
        CliRunner r = CliRunner.run("boards", "virt-riscv32ec-unknown-none-elf");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("semihosting only"), r.out());
        assertTrue(r.out().contains("flash:     1 MiB"), r.out());
    }

    @Test
    void unknownBoardSuggestsAndExitsTwo() {
        CliRunner r = CliRunner.run("boards", "pic");
        assertEquals(2, r.status());
        assertEquals("error: unknown board 'pic'\nhelp: did you mean pico?\nhelp: `rivet boards` lists all boards\n", r.err());
    }

    @Test
    void unknownOptionAndCommandExitTwoWithUsage() {
        CliRunner r = CliRunner.run("boards", "--frob");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Unknown option: '--frob'\nUsage: rivet boards"), r.err());
        r = CliRunner.run("frobnicate");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Unmatched argument at index 0: 'frobnicate'"), r.err());
        assertTrue(r.err().contains("Usage: rivet"), r.err());
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        for (String cmd : new String[] {"boards"}) {
            CliRunner h = CliRunner.run(cmd, "--help");
            assertEquals(0, h.status());
            assertTrue(h.out().startsWith("Usage: rivet " + cmd), h.out());
            CliRunner v = CliRunner.run(cmd, "--version");
            assertEquals(0, v.status());
            assertTrue(v.out().startsWith("rivet 0.1.0\n"), v.out());
        }
        CliRunner top = CliRunner.run();
        assertEquals(0, top.status());
        assertTrue(top.out().contains("boards  List the boards rivet knows"), top.out());
    }
}
