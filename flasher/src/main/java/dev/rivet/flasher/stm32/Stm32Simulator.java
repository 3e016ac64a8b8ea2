package dev.rivet.flasher.stm32;

import static dev.rivet.flasher.stm32.Stm32Protocol.*;

import dev.rivet.flasher.Faults;
import dev.rivet.flasher.FaultyLink;
import dev.rivet.flasher.SerialLink;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chip in its AN3155 bootloader, on the device end of a link: waits for 0x7F, then serves
 * Get, Get Version, Get ID, Read and Write Memory, Erase or Extended Erase (as the chip's
 * bootloader version has), Go, and readout (un)protection. Flash reads 0xFF when erased and
 * accepts writes only to erased bytes, as real flash does; RAM accepts any write outside the
 * bootloader's reserved part. Faults are injected as {@link Faults} says. After a Go the chip
 * runs the program: like the real one, it no longer answers as a bootloader.
 * {@link #serve()} returns then.
 */
public final class Stm32Simulator {
    private static final int TIMEOUT_MS = 60_000;

    private final SerialLink link;
    private final Stm32Chip chip;
    private final Faults faults;
    private final byte[] flash, ram;
    private boolean readProtected;
    private long commandsSeen;
    private volatile Long startedAt;
    private final Consumer<String> log;

    public Stm32Simulator(SerialLink link, Stm32Chip chip, Faults faults) {
        this(link, chip, faults, line -> { });
    }

    /** A simulator that reports each command it receives, and what it did, to {@code log}. */
    public Stm32Simulator(SerialLink link, Stm32Chip chip, Faults faults, Consumer<String> log) {
        this.link = new FaultyLink(link, faults);
        this.log = log;
        this.chip = chip;
        this.faults = faults;
        this.flash = new byte[(int) chip.flashSize()];
        this.ram = new byte[(int) chip.ramSize()];
        Arrays.fill(flash, (byte) 0xFF);
        this.readProtected = faults.readProtected();
    }

    public byte[] flash() { return flash; }

    /** The address the last Go jumped to, or null. */
    public Long startedAt() { return startedAt; }

    /**
     * Serves until a Go starts the program (from then on the bootloader is gone: the caller
     * stops answering too) or the link closes.
     */
    public void serve() throws IOException {
        try {
            while (in() != INIT) { } // autobaud: the first byte must be 0x7F
            log.accept("sync (0x7F)");
            out(ACK);
            while (startedAt == null) serveCommand();
        } catch (EOFException e) {
            // the host went away
        }
    }

    private void serveCommand() throws IOException {
        int code = in(), check = in();
        if (code == INIT) { // already synchronised: a second 0x7F is a bad command
            out(NACK);
            return;
        }
        commandsSeen++;
        if ((code ^ check) != 0xFF || faults.nackCommands().contains(commandsSeen) || !supported(code)) {
            log.accept(String.format("command 0x%02x 0x%02x: NACK", code, check));
            out(NACK);
            return;
        }
        if (faults.stallCommands().contains(commandsSeen)) {
            log.accept(String.format("command 0x%02x: stalled (no answer)", code));
            return;
        }
        log.accept(String.format("command 0x%02x (%s)", code, name(code)));
        switch (code) {
            case GET -> {
                List<Integer> cmds = commandList();
                out(ACK, cmds.size(), chip.bootloaderVersion());
                for (int c : cmds) out(c);
                out(ACK);
            }
            case GET_VERSION -> out(ACK, chip.bootloaderVersion(), 0, 0, ACK);
            case GET_ID -> out(ACK, 1, chip.productId() >> 8, chip.productId() & 0xFF, ACK);
            case READ_MEMORY -> readMemory();
            case WRITE_MEMORY -> writeMemory();
            case ERASE, EXTENDED_ERASE -> erase(code == EXTENDED_ERASE);
            case GO -> go();
            case READOUT_PROTECT -> { readProtected = true; out(ACK, ACK); }
            case READOUT_UNPROTECT -> { Arrays.fill(flash, (byte) 0xFF); readProtected = false; out(ACK, ACK); }
            case WRITE_UNPROTECT -> out(ACK, ACK);
            default -> out(NACK);
        }
    }

    private static String name(int code) {
        return switch (code) {
            case GET -> "Get";
            case GET_VERSION -> "Get Version";
            case GET_ID -> "Get ID";
            case READ_MEMORY -> "Read Memory";
            case WRITE_MEMORY -> "Write Memory";
            case ERASE -> "Erase";
            case EXTENDED_ERASE -> "Extended Erase";
            case GO -> "Go";
            case READOUT_PROTECT -> "Readout Protect";
            case READOUT_UNPROTECT -> "Readout Unprotect";
            case WRITE_PROTECT -> "Write Protect";
            case WRITE_UNPROTECT -> "Write Unprotect";
            default -> "?";
        };
    }

    private List<Integer> commandList() {
        int erase = chip.extendedErase() ? EXTENDED_ERASE : ERASE;
        return List.of(GET, GET_VERSION, GET_ID, READ_MEMORY, GO, WRITE_MEMORY, erase, WRITE_PROTECT, WRITE_UNPROTECT, READOUT_PROTECT,
                READOUT_UNPROTECT);
    }

    private boolean supported(int code) {
        if (readProtected && (code == READ_MEMORY || code == WRITE_MEMORY || code == GO || code == ERASE || code == EXTENDED_ERASE)) return false;
        return commandList().contains(code);
    }

    private void readMemory() throws IOException {
        out(ACK);
        Long address = address(false, 1);
        if (address == null) return;
        out(ACK);
        int n = in(), check = in();
        if ((n ^ check) != 0xFF) { out(NACK); return; }
        byte[] mem = memoryAt(address, n + 1, false);
        if (mem == null) { out(NACK); return; }
        out(ACK);
        int off = offset(address);
        for (int i = 0; i <= n; i++) out(mem[off + i] & 0xFF);
    }

    private void writeMemory() throws IOException {
        out(ACK);
        Long address = address(true, 1);
        if (address == null) return;
        out(ACK);
        int n = in() + 1;
        byte[] data = new byte[n];
        int x = n - 1;
        for (int i = 0; i < n; i++) {
            data[i] = (byte) in();
            x ^= data[i] & 0xFF;
        }
        int check = in();
        byte[] mem = memoryAt(address, n, true);
        if (x != check || address % 4 != 0 || n % 4 != 0 || mem == null) { out(NACK); return; }
        int off = offset(address);
        if (mem == flash)
            for (int i = 0; i < n; i++)
                if (flash[off + i] != (byte) 0xFF && flash[off + i] != faults.programmed(off + i, data[i])) { out(NACK); return; } // not erased
        for (int i = 0; i < n; i++) mem[off + i] = mem == flash ? faults.programmed(off + i, data[i]) : data[i];
        log.accept(String.format("  wrote %d bytes at 0x%08x", n, address));
        out(ACK);
    }

    private void erase(boolean extended) throws IOException {
        out(ACK);
        int count, x;
        int[] units;
        if (extended) {
            int hi = in(), lo = in();
            count = (hi << 8 | lo);
            x = hi ^ lo;
            if (count >= 0xFFF0) { // special erase: 0xFFFF mass, 0xFFFE/0xFFFD banks
                if (in() != x) { out(NACK); return; }
                Arrays.fill(flash, (byte) 0xFF);
                log.accept("  mass erase");
                out(ACK);
                return;
            }
            units = new int[count + 1];
            for (int i = 0; i <= count; i++) {
                int a = in(), b = in();
                x ^= a ^ b;
                units[i] = a << 8 | b;
            }
        } else {
            count = in();
            x = count;
            if (count == 0xFF) { // global erase: 0xFF then 0x00
                if (in() != 0x00) { out(NACK); return; }
                Arrays.fill(flash, (byte) 0xFF);
                log.accept("  mass erase");
                out(ACK);
                return;
            }
            units = new int[count + 1];
            for (int i = 0; i <= count; i++) x ^= units[i] = in();
        }
        if (in() != x) { out(NACK); return; }
        for (int u : units) {
            if (u >= chip.eraseUnits().size()) { out(NACK); return; }
            long[] r = chip.unit(u);
            Arrays.fill(flash, (int) (r[0] - chip.flashBase()), (int) (r[1] - chip.flashBase()), (byte) 0xFF);
        }
        log.accept("  erased " + units.length + " page(s) or sector(s) from " + units[0]);
        out(ACK);
    }

    private void go() throws IOException {
        out(ACK);
        Long address = address(false, 8);
        if (address == null) return;
        log.accept(String.format("  go to 0x%08x: the program runs", address));
        startedAt = address; // the chip jumps once it has ACKed the address
        out(ACK);
    }

    /** Reads an address and its checksum; NACKs it and returns null when it is wrong, else the caller ACKs it. */
    private Long address(boolean write, int span) throws IOException {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) b[i] = (byte) in();
        long a = (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | b[3] & 0xFFL;
        if (in() != xor(b, 0, 4) || memoryAt(a, span, write) == null) { // the ROM refuses addresses it cannot serve
            out(NACK);
            return null;
        }
        return a;
    }

    /** The array holding [address, address+n), or null when that range is not all flash or usable RAM. */
    private byte[] memoryAt(long address, int n, boolean write) {
        if (address >= chip.flashBase() && address + n <= chip.flashBase() + chip.flashSize()) return flash;
        long ramFrom = chip.ramBase() + (write ? chip.ramReserved() : 0);
        if (address >= ramFrom && address + n <= chip.ramBase() + chip.ramSize()) return ram;
        return null;
    }

    private int offset(long address) {
        return (int) (address >= chip.ramBase() && address < chip.ramBase() + chip.ramSize() ? address - chip.ramBase() : address - chip.flashBase());
    }

    private int in() throws IOException {
        while (true) {
            int b = link.read(TIMEOUT_MS);
            if (b >= 0) return b; // a quiet host: keep waiting, as the ROM does
        }
    }

    private void out(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
        link.write(b);
    }
}
