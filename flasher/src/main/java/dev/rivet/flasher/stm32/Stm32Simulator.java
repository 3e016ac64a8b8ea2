package dev.rivet.flasher.stm32;

import static dev.rivet.flasher.stm32.Stm32Protocol.*;

import dev.rivet.flasher.SerialLink;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A chip in its AN3155 bootloader, on the device end of a link: waits for 0x7F, then serves
 * Get, Get Version, Get ID, Read and Write Memory, Erase or Extended Erase (as the chip's
 * bootloader version has), Go, and readout (un)protection. Flash reads 0xFF when erased and
 * accepts writes only to erased bytes, as real flash does; RAM accepts any write outside the
 * bootloader's reserved part. Faults are injected as {@link Faults} says.
 */
public final class Stm32Simulator {
    private static final int TIMEOUT_MS = 60_000;

    private final SerialLink link;
    private final Stm32Chip chip;
    private final Faults faults;
    private final byte[] flash, ram;
    private boolean readProtected;
    private long received, sent, commandsSeen;
    private volatile Long startedAt;

    public Stm32Simulator(SerialLink link, Stm32Chip chip, Faults faults) {
        this.link = link;
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

    /** Serves until the link closes; returns normally then. */
    public void serve() throws IOException {
        try {
            while (in() != INIT) { } // autobaud: the first byte must be 0x7F
            out(ACK);
            while (true) serveCommand();
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
            out(NACK);
            return;
        }
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
                if (flash[off + i] != (byte) 0xFF && flash[off + i] != data[i]) { out(NACK); return; } // not erased
        System.arraycopy(data, 0, mem, off, n);
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
        out(ACK);
    }

    private void go() throws IOException {
        out(ACK);
        Long address = address(false, 8);
        if (address == null) return;
        startedAt = address; // the address was ACKed: the chip jumps
    }

    /** Reads an address and its checksum; ACKs it, or NACKs and returns null when the checksum is wrong. */
    private Long address(boolean write, int span) throws IOException {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) b[i] = (byte) in();
        long a = (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | b[3] & 0xFFL;
        if (in() != xor(b, 0, 4) || memoryAt(a, span, write) == null) { // the ROM refuses addresses it cannot serve
            out(NACK);
            return null;
        }
        out(ACK);
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
            if (b < 0) continue; // a quiet host: keep waiting, as the ROM does
            if (faults.dropReceived().contains(++received)) continue;
            return b;
        }
    }

    private void out(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
            if (faults.corruptSent().contains(++sent)) b[i] ^= 0x10;
        }
        link.write(b);
    }
}
