package dev.rivet.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FFM binding itself: errors, memory, registers, hooks, contexts, and no leaks. */
class UnicornTest {
    private static final int RISCV_A0 = 11, RISCV_PC = 190;
    /** c.addi a0, 1 ; c.j back to it. */
    private static final byte[] RISCV_LOOP = {0x05, 0x05, (byte) 0xfd, (byte) 0xbf};

    private static Unicorn riscv() {
        Unicorn uc = new Unicorn(Unicorn.ARCH_RISCV, Unicorn.MODE_RISCV32, -1);
        uc.map(0x1000, 0x1000, Unicorn.PROT_ALL);
        uc.write(0x1000, RISCV_LOOP);
        return uc;
    }

    @Test
    void versionIsTwo() {
        assertTrue(Unicorn.version().startsWith("2."), Unicorn.version());
    }

    @Test
    void errorsCarryStrerrorText() {
        try (Unicorn uc = riscv()) {
            UnicornException e = assertThrows(UnicornException.class, () -> uc.map(0x1000, 0x1000, Unicorn.PROT_ALL));
            assertEquals(UcError.MAP, e.error());
            assertTrue(e.getMessage().startsWith("uc_mem_map [0x00001000, +0x1000): Invalid memory mapping"), e.getMessage());
            e = assertThrows(UnicornException.class, () -> uc.read(0x5000, 4));
            assertEquals(UcError.READ_UNMAPPED, e.error());
        }
        UnicornException e = assertThrows(UnicornException.class, () -> new Unicorn(99, 0, -1));
        assertEquals(UcError.ARCH, e.error());
    }

    @Test
    void memoryAndRegistersRoundTrip() {
        try (Unicorn uc = riscv()) {
            uc.write(0x1800, new byte[] {1, 2, 3, 4});
            assertEquals(0x04030201L, uc.readWord(0x1800));
            uc.setReg(RISCV_A0, 0xFFFF_FFFFL);
            assertEquals(0xFFFF_FFFFL, uc.reg(RISCV_A0));
            uc.protect(0x1000, 0x1000, Unicorn.PROT_READ | Unicorn.PROT_EXEC);
            uc.unmap(0x1000, 0x1000);
            assertThrows(UnicornException.class, () -> uc.read(0x1000, 4));
        }
    }

    @Test
    void sharedMappingAliasesOneBuffer() {
        try (Unicorn uc = new Unicorn(Unicorn.ARCH_RISCV, Unicorn.MODE_RISCV32, -1)) {
            uc.mapShared(new long[] {0x0, 0x8000_0000L}, 0x1000, Unicorn.PROT_ALL);
            uc.write(0x10, new byte[] {42});
            assertEquals(42, uc.read(0x8000_0010L, 1)[0]);
        }
    }

    @Test
    void codeHookCountsAndStops() {
        try (Unicorn uc = riscv()) {
            long[] n = {0};
            uc.onCode(1, 0, (address, size) -> {
                if (++n[0] == 100) uc.stop();
            });
            assertEquals(UcError.OK, uc.start(0x1000, 0xFFFF_FFFFL, 0));
            assertEquals(100, n[0]);
            assertEquals(50, uc.reg(RISCV_A0));
        }
    }

    @Test
    void removedHookIsNotCalled() {
        try (Unicorn uc = riscv()) {
            long[] n = {0};
            Unicorn.Hook h = uc.onCode(1, 0, (address, size) -> n[0]++);
            h.remove();
            uc.start(0x1000, 0xFFFF_FFFFL, 10);
            assertEquals(0, n[0]);
            assertEquals(5, uc.reg(RISCV_A0));
        }
    }

    @Test
    void exceptionInHookStopsAndResurfaces() {
        try (Unicorn uc = riscv()) {
            uc.onCode(1, 0, (address, size) -> {
                throw new IllegalStateException("boom at " + address);
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> uc.start(0x1000, 0xFFFF_FFFFL, 0));
            assertEquals("boom at 4096", e.getMessage());
        }
    }

    @Test
    void mmioDeviceSeesAccesses() {
        try (Unicorn uc = new Unicorn(Unicorn.ARCH_RISCV, Unicorn.MODE_RISCV32, -1)) {
            uc.map(0x1000, 0x1000, Unicorn.PROT_ALL);
            // lui a1, 0x40000 ; sw a0, 4(a1) ; lw a2, 8(a1) ; j .
            uc.write(0x1000, new byte[] {(byte) 0xb7, 0x05, 0x00, 0x40, 0x23, (byte) 0xa2, (byte) 0xa5, 0x00,
                (byte) 0x03, (byte) 0xa6, (byte) 0x85, 0x00, 0x01, (byte) 0xa0});
            List<String> log = new ArrayList<>();
            uc.mapMmio(0x4000_0000L, 0x1000, new Hooks.Mmio() {
                @Override public long read(long offset, int size) { log.add("r" + offset); return 77; }
                @Override public void write(long offset, int size, long value) { log.add("w" + offset + "=" + value); }
            });
            uc.setReg(RISCV_A0, 5);
            uc.start(0x1000, 0x100c, 0);
            assertEquals(List.of("w4=5", "r8"), log);
            assertEquals(77, uc.reg(RISCV_A0 + 2));
        }
    }

    @Test
    void contextRestoresRegisters() {
        try (Unicorn uc = riscv()) {
            uc.setReg(RISCV_A0, 7);
            var ctx = uc.saveContext();
            uc.start(0x1000, 0xFFFF_FFFFL, 20);
            assertEquals(17, uc.reg(RISCV_A0));
            uc.restoreContext(ctx);
            assertEquals(7, uc.reg(RISCV_A0));
        }
    }

    @Test
    void useAfterCloseFailsCleanly() {
        Unicorn uc = riscv();
        uc.close();
        uc.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> uc.reg(RISCV_PC));
    }

    /**
     * Thousands of engines with hooks, MMIO, shared mappings and contexts, each closed: the
     * process's resident memory must level off rather than grow with the count.
     */
    @Test
    void thousandsOfRunsDoNotLeak() throws IOException {
        // Warm up and let the Java heap and the native allocator's pools reach their working size
        // first: a machine under load grew RSS by that alone, once, past the limit below.
        cycle(3000);
        long before = rssKiB();
        cycle(3000);
        long grown = rssKiB() - before;
        assertTrue(grown < 64 * 1024, "resident memory grew by " + grown + " KiB over 3000 engines");
    }

    private static void cycle(int n) {
        for (int i = 0; i < n; i++) {
            try (Unicorn uc = new Unicorn(Unicorn.ARCH_RISCV, Unicorn.MODE_RISCV32, -1)) {
                uc.mapShared(new long[] {0x1000, 0x9000}, 0x1000, Unicorn.PROT_ALL);
                uc.mapMmio(0x4000_0000L, 0x1000, new Hooks.Mmio() {
                    @Override public long read(long offset, int size) { return 0; }
                    @Override public void write(long offset, int size, long value) {}
                });
                uc.write(0x1000, RISCV_LOOP);
                uc.onCode(1, 0, (address, size) -> {});
                uc.onMemoryFault((access, address, size, value) -> false);
                uc.saveContext();
                uc.start(0x1000, 0xFFFF_FFFFL, 50);
            }
        }
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        throw new IOException("no VmRSS");
    }
}
