package dev.rivet.flasher.stm32;

import static dev.rivet.flasher.stm32.Stm32Protocol.*;

import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.SerialLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of ST's USART bootloader protocol (AN3155). Each command is sent as the code
 * and its complement and must be ACKed; addresses and data blocks carry XOR checksums. A
 * NACKed or unanswered block is retried a few times before the operation fails.
 */
public final class Stm32Client {
    static final int RETRIES = 3;
    static final int REPLY_MS = 1000, ERASE_PAGE_MS = 5000, MASS_ERASE_MS = 35000;

    private final SerialLink link;
    private List<Integer> commands = List.of();
    private int version;

    public Stm32Client(SerialLink link) {
        this.link = link;
    }

    /** Sends 0x7F until the bootloader ACKs (or NACKs: it was synchronised already). */
    public void connect(String howToEnter) throws IOException, FlashException {
        for (int attempt = 0; attempt < 4; attempt++) {
            link.drain();
            link.write(INIT);
            int r = link.read(REPLY_MS);
            if (r == ACK || r == NACK) {
                readCommands();
                return;
            }
        }
        throw new FlashException("the bootloader on " + link.name() + " does not answer (no ACK to 0x7F)\nhelp: " + howToEnter);
    }

    /** Get: the bootloader version and the commands it supports. */
    private void readCommands() throws IOException, FlashException {
        command(GET);
        int n = byteOrFail("Get") + 1;
        version = byteOrFail("Get");
        List<Integer> list = new ArrayList<>();
        for (int i = 1; i < n; i++) list.add(byteOrFail("Get"));
        expectAck("Get", REPLY_MS);
        commands = List.copyOf(list);
    }

    public int version() { return version; }

    public List<Integer> commands() { return commands; }

    /** Get ID: the chip's product id. */
    public int productId() throws IOException, FlashException {
        command(GET_ID);
        int n = byteOrFail("Get ID") + 1;
        int pid = 0;
        for (int i = 0; i < n; i++) pid = pid << 8 | byteOrFail("Get ID");
        expectAck("Get ID", REPLY_MS);
        return pid;
    }

    public byte[] read(long address, int length) throws IOException, FlashException {
        byte[] out = new byte[length];
        for (int at = 0; at < length; at += BLOCK) {
            int n = Math.min(BLOCK, length - at);
            byte[] block = readBlock(address + at, n);
            System.arraycopy(block, 0, out, at, n);
        }
        return out;
    }

    private byte[] readBlock(long address, int n) throws IOException, FlashException {
        for (int attempt = 1; ; attempt++) {
            try {
                retryableCommand(READ_MEMORY, "read at 0x%08x refused: the flash is read-protected (use --unprotect, which mass-erases it)", address);
                sendChecked(address(address), "Read Memory address 0x%08x", address);
                sendChecked(new byte[] {(byte) (n - 1), (byte) ~(n - 1)}, "Read Memory length", 0);
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) b[i] = (byte) byteOrFail("Read Memory");
                return b;
            } catch (Retryable e) {
                if (attempt == RETRIES) throw new FlashException(e.getMessage() + " (after " + RETRIES + " attempts)");
                resync();
            }
        }
    }

    /** Writes up to 256 bytes at a 4-aligned address; the length is padded to a multiple of 4 with 0xFF. */
    public void writeBlock(long address, byte[] data) throws IOException, FlashException {
        int n = (data.length + 3) & ~3;
        byte[] packet = new byte[n + 2];
        packet[0] = (byte) (n - 1);
        java.util.Arrays.fill(packet, 1, n + 1, (byte) 0xFF);
        System.arraycopy(data, 0, packet, 1, data.length);
        packet[n + 1] = (byte) xor(packet, 0, n + 1);
        for (int attempt = 1; ; attempt++) {
            try {
                retryableCommand(WRITE_MEMORY, "write at 0x%08x refused: the flash is write- or read-protected (use --unprotect)", address);
                sendChecked(address(address), "Write Memory address 0x%08x", address);
                sendChecked(packet, "Write Memory data at 0x%08x", address);
                return;
            } catch (Retryable e) {
                if (attempt == RETRIES) throw new FlashException(e.getMessage() + " (after " + RETRIES + " attempts)");
                resync();
            }
        }
    }

    /** Erases the given pages or sectors (Erase or Extended Erase, whichever the bootloader has). */
    public void erase(List<Integer> units) throws IOException, FlashException {
        if (units.isEmpty()) return;
        boolean extended = commands.contains(EXTENDED_ERASE);
        if (!extended && !commands.contains(ERASE)) throw new FlashException("the bootloader offers no erase command");
        command(extended ? EXTENDED_ERASE : ERASE, "erase refused by the bootloader: the flash is read-protected (use --unprotect, which mass-erases it)", 0);
        byte[] packet;
        if (extended) {
            packet = new byte[2 + 2 * units.size() + 1];
            packet[0] = (byte) ((units.size() - 1) >> 8);
            packet[1] = (byte) (units.size() - 1);
            for (int i = 0; i < units.size(); i++) {
                packet[2 + 2 * i] = (byte) (units.get(i) >> 8);
                packet[3 + 2 * i] = (byte) (int) units.get(i);
            }
        } else {
            if (units.size() > 255) throw new FlashException("legacy Erase takes at most 255 pages at once");
            packet = new byte[1 + units.size() + 1];
            packet[0] = (byte) (units.size() - 1);
            for (int i = 0; i < units.size(); i++) packet[1 + i] = (byte) (int) units.get(i);
        }
        packet[packet.length - 1] = (byte) xor(packet, 0, packet.length - 1);
        link.write(packet);
        int r = awaitReply(ERASE_PAGE_MS * units.size());
        if (r != ACK) throw new FlashException("erase of " + units.size() + " page(s) failed (" + describe(r) + "); the flash may be protected (use --unprotect)");
    }

    /** Readout Unprotect: mass-erases the flash and resets the chip (the caller reconnects). */
    public void readoutUnprotect() throws IOException, FlashException {
        command(READOUT_UNPROTECT);
        int r = awaitReply(MASS_ERASE_MS);
        if (r != ACK) throw new FlashException("readout unprotect failed (" + describe(r) + ")");
    }

    /** Go: the chip loads SP and PC from the vector table at {@code address}. */
    public void go(long address) throws IOException, FlashException {
        command(GO);
        try {
            sendChecked(address(address), "Go to 0x%08x", address);
        } catch (Retryable e) {
            throw new FlashException(e.getMessage());
        }
    }

    /**
     * After a lost or garbled byte the bootloader may still be waiting for the rest of a packet.
     * Feeding it 0xFF bytes one at a time completes whatever it waits for; the NACK that follows
     * (bad checksum or bad command) leaves it waiting for a command again.
     */
    private void resync() throws IOException, FlashException {
        for (int i = 0; i < 2 * BLOCK + 8; i++) {
            link.write(0xFF);
            int r = link.read(i < 4 ? 200 : 20);
            if (r == NACK) {
                while (link.read(50) >= 0) { } // anything still in flight
                return;
            }
        }
        throw new FlashException("lost synchronisation with the bootloader on " + link.name() + "; reset the board into its bootloader and retry");
    }

    // ---- the wire ----

    /** A NACK or a missing reply that a retry may cure. */
    private static final class Retryable extends Exception {
        Retryable(String message) { super(message, null, false, false); }
    }

    private void command(int code) throws IOException, FlashException {
        command(code, "command 0x%02x refused by the bootloader", code);
    }

    private void command(int code, String nackMessage, long arg) throws IOException, FlashException {
        try {
            retryableCommand(code, nackMessage, arg);
        } catch (Retryable e) {
            throw new FlashException(e.getMessage());
        }
    }

    /** A command inside a retried operation: a NACK (line noise, or protection if it persists) may be retried. */
    private void retryableCommand(int code, String nackMessage, long arg) throws IOException, Retryable {
        link.write(code, ~code & 0xFF);
        int r = awaitReply(REPLY_MS);
        if (r != ACK) throw new Retryable(r == NACK ? String.format(nackMessage, arg) : String.format("no reply to command 0x%02x (%s)", code, describe(r)));
    }

    private void sendChecked(byte[] bytes, String what, long arg) throws IOException, Retryable {
        link.write(bytes);
        int r = awaitReply(REPLY_MS);
        if (r != ACK) throw new Retryable(String.format(what, arg) + ": " + describe(r));
    }

    /** The next reply byte, waiting through BUSY. */
    private int awaitReply(int timeoutMillis) throws IOException {
        int r;
        do r = link.read(timeoutMillis); while (r == BUSY);
        return r;
    }

    private int byteOrFail(String what) throws IOException, FlashException {
        int b = link.read(REPLY_MS);
        if (b < 0) throw new FlashException(what + ": the bootloader stopped answering");
        return b;
    }

    private void expectAck(String what, int timeoutMillis) throws IOException, FlashException {
        int r = awaitReply(timeoutMillis);
        if (r != ACK) throw new FlashException(what + ": expected ACK, got " + describe(r));
    }

    static String describe(int reply) {
        return switch (reply) {
            case ACK -> "ACK";
            case NACK -> "NACK";
            case -1 -> "timeout";
            default -> String.format("unexpected byte 0x%02x", reply);
        };
    }
}
