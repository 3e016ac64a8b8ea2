package dev.rivet.emulator;

import static dev.rivet.emulator.MachineProgramsTest.BOARDS;
import static dev.rivet.emulator.MachineProgramsTest.run;
import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every fault kind ends the run with a precise report; the budget is exact. */
class MachineFaultsTest {
    private static final Board M3 = BOARDS.get("bluepill");
    private static final Board RV = BOARDS.get("virt-riscv32imc-unknown-none-elf");

    /** A Cortex-M image with the vector table at {@code base} and code right after it. */
    private static Code thumbAt(long base) {
        return new Code(base).word(0x20001000L).word((base + 8) | 1);
    }

    private static Fault fault(MachineProgramsTest.Outcome o) {
        return assertInstanceOf(RunResult.Faulted.class, o.result(), o.result()::toString).fault();
    }

    @Test
    void unmappedReadReportsInstructionAndAddress() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        a.movs(1, 3).lsls(1, 1, 28);
        long ldr = a.here();
        a.ldr(0, 1, 0).b(a.here());
        Objdump.check(Objdump.Isa.THUMB, c);
        Fault f = fault(run(M3, c, 1000));
        assertEquals(FaultKind.BAD_ACCESS, f.kind());
        assertEquals(ldr, f.pc());
        assertEquals(OptionalLong.of(0x30000000L), f.address());
        assertEquals("read of unmapped address", f.detail());
        assertEquals(ldr, f.recentPcs().getLast());
        assertEquals(3, f.recentPcs().size());
        assertTrue(f.describe(x -> "").contains("fault: bad memory access: read of unmapped address"));
        assertEquals(3, FaultKind.BAD_ACCESS.exitStatus());
    }

    @Test
    void storeToFlashIsForbidden() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        a.movs(1, 1).lsls(1, 1, 27);   // 0x08000000
        long str = a.here();
        a.str(0, 1, 0).b(a.here());
        Objdump.check(Objdump.Isa.THUMB, c);
        Fault f = fault(run(M3, c, 1000));
        assertEquals(FaultKind.BAD_ACCESS, f.kind());
        assertEquals(str, f.pc());
        assertEquals("write to read-only FLASH", f.detail());
    }

    @Test
    void undefinedInstructionThumb() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        a.movs(0, 1);
        long udf = a.here();
        a.udf(1);
        Objdump.check(Objdump.Isa.THUMB, c);
        Fault f = fault(run(M3, c, 1000));
        assertEquals(FaultKind.UNDEFINED_INSTRUCTION, f.kind());
        assertEquals(udf, f.pc());
    }

    @Test
    void undefinedInstructionRiscv() throws Exception {
        Code c = new Code(0x20000000L);
        new RiscvAsm(c).cLi(RiscvAsm.A0, 1);
        c.word(0); // all-zero: defined to be illegal
        Fault f = fault(run(RV, c, 1000));
        assertEquals(FaultKind.UNDEFINED_INSTRUCTION, f.kind());
        assertEquals(0x20000002L, f.pc());
        assertEquals("encoding 0x0000", f.detail());
    }

    @Test
    void budgetIsExact() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        long loop = a.here();
        a.adds(0, 1).b(loop); // not a branch to itself, which would park
        Objdump.check(Objdump.Isa.THUMB, c);
        MachineProgramsTest.Outcome o = run(M3, c, 1234);
        Fault f = fault(o);
        assertEquals(FaultKind.BUDGET_EXHAUSTED, f.kind());
        assertEquals(1234, o.result().instructions());
        assertTrue(f.pc() == loop || f.pc() == loop + 2, "the report points into the loop");
        assertEquals(124, o.result().exitStatus());
    }

    /** `loop {}` is a branch to itself: the run ends there after a few turns, with status 0. */
    @Test
    void branchToItselfParks() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        a.movs(0, 1);
        long loop = a.here();
        a.b(loop);
        Objdump.check(Objdump.Isa.THUMB, c);
        MachineProgramsTest.Outcome o = run(M3, c, 1_000_000);
        RunResult.Parked p = assertInstanceOf(RunResult.Parked.class, o.result());
        assertEquals(loop, p.address());
        assertFalse(p.panicking());
        assertEquals(0, p.exitStatus());
        assertTrue(p.instructions() < 10, "stops within a few turns: " + p.instructions());
    }

    @Test
    void budgetOnRiscv() throws Exception {
        Code c = new Code(0x20000000L);
        RiscvAsm a = new RiscvAsm(c);
        a.addi(RiscvAsm.A0, RiscvAsm.A0, 1).jal(RiscvAsm.ZERO, 0x20000000L);
        Objdump.check(Objdump.Isa.RISCV32, c);
        MachineProgramsTest.Outcome o = run(RV, c, 501);
        assertEquals(FaultKind.BUDGET_EXHAUSTED, fault(o).kind());
        assertEquals(501, o.result().instructions());
    }

    @Test
    void jumpOutsideMemory() throws Exception {
        Code c = thumbAt(0x08000000L);
        ThumbAsm a = new ThumbAsm(c);
        a.movs(0, 3).lsls(0, 0, 28).adds(0, 1);   // 0x30000001
        long bx = a.here();
        a.bx(0);
        Objdump.check(Objdump.Isa.THUMB, c);
        Fault f = fault(run(M3, c, 1000));
        assertEquals(FaultKind.BAD_FETCH, f.kind());
        assertEquals(0x30000000L, f.pc());
        assertEquals(bx, f.recentPcs().getLast());
    }

    @Test
    void breakpointThatIsNotSemihostingIsATrap() throws Exception {
        Code c = thumbAt(0x08000000L);
        new ThumbAsm(c).movs(0, 1).bkpt(1);
        Objdump.check(Objdump.Isa.THUMB, c);
        Fault f = fault(run(M3, c, 1000));
        assertEquals(FaultKind.TRAP, f.kind());
        assertEquals("bkpt #0x01", f.detail());
        assertEquals(0x0800000AL, f.pc());
    }

    @Test
    void ebreakAndEcallAreTraps() throws Exception {
        Code c = new Code(0x20000000L);
        new RiscvAsm(c).cLi(RiscvAsm.A0, 1).ebreak();
        Objdump.check(Objdump.Isa.RISCV32, c);
        Fault f = fault(run(RV, c, 1000));
        assertEquals(FaultKind.TRAP, f.kind());
        assertEquals("ebreak", f.detail());
        assertEquals(0x20000002L, f.pc());

        Code e = new Code(0x20000000L);
        new RiscvAsm(e).cLi(RiscvAsm.A0, 1).ecall();
        f = fault(run(RV, e, 1000));
        assertEquals(FaultKind.TRAP, f.kind());
        assertEquals("ecall", f.detail());
        assertEquals(0x20000002L, f.pc());
    }

    @Test
    void accessPastTheEndOfSmallRamFaults() throws Exception {
        // CH32V003: 2 KiB of RAM in a 4 KiB page; the rest of the page must not be usable.
        Code c = new Code(0x0L);
        RiscvAsm a = new RiscvAsm(c);
        a.li(RiscvAsm.A0, 0x200007FCL).sw(RiscvAsm.A1, RiscvAsm.A0, 0);      // last word: fine
        long bad = a.here() + 4;
        a.li(RiscvAsm.A0, 0x20000800L).sw(RiscvAsm.A1, RiscvAsm.A0, 0);
        Objdump.check(Objdump.Isa.RISCV32, c);
        Fault f = fault(run(BOARDS.get("ch32v003-evt"), c, 1000));
        assertEquals(FaultKind.BAD_ACCESS, f.kind());
        assertEquals(bad + 4, f.pc());
        assertEquals(OptionalLong.of(0x20000800L), f.address());
        assertEquals("write past the end of RAM", f.detail());
    }

    @Test
    void unknownSemihostingCallIsReported() throws Exception {
        Code c = new Code(0x20000000L);
        new RiscvAsm(c).addi(RiscvAsm.A0, RiscvAsm.ZERO, 0x7F).semihost();
        Fault f = fault(run(RV, c, 1000));
        assertEquals(FaultKind.SEMIHOSTING, f.kind());
        assertEquals("operation 0x7f", f.detail());
    }

    @Test
    void sysWriteReachesStdoutAndStderrAndExitReasonMapsLikeQemu() throws Exception {
        Code c = new Code(0x20000000L);
        RiscvAsm a = new RiscvAsm(c);
        long blocks = 0x20000100L;
        a.li(RiscvAsm.A1, blocks).addi(RiscvAsm.A0, RiscvAsm.ZERO, 5).semihost();          // SYS_WRITE {1, msg, 4}
        a.li(RiscvAsm.A1, blocks + 12).addi(RiscvAsm.A0, RiscvAsm.ZERO, 5).semihost();     // SYS_WRITE {2, msg+4, 4}
        a.li(RiscvAsm.A1, 0x20023).addi(RiscvAsm.A0, RiscvAsm.ZERO, 0x18).semihost();      // SYS_EXIT, not ApplicationExit
        Objdump.check(Objdump.Isa.RISCV32, c);
        while (c.here() < blocks) c.word(0);
        long msg = blocks + 24;
        c.word(1).word(msg).word(4).word(2).word(msg + 4).word(4).ascii("out\nerr\n");
        MachineProgramsTest.Outcome o = run(RV, c, 1000);
        assertEquals("out\n", o.stdout());
        assertEquals("err\n", o.stderr());
        assertEquals(1, assertInstanceOf(RunResult.Exited.class, o.result()).status());
    }

    @Test
    void resetVectorWithoutThumbBitIsRejected() {
        Code c = new Code(0x08000000L).word(0x20001000L).word(0x08000008L);
        try (Machine m = new Machine(M3, new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            m.load(c.base(), c.bytes());
            IllegalStateException e = assertThrows(IllegalStateException.class, m::reset);
            assertTrue(e.getMessage().contains("lacks the Thumb bit"));
        }
    }

    @Test
    void loadOutsideMemoryIsRejected() {
        try (Machine m = new Machine(M3, new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.load(0x08010000L - 2, new byte[4]));
            assertTrue(e.getMessage().contains("outside the board's memory"), e.getMessage());
        }
    }
}
