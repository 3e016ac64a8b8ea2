package dev.rivet.flasher.esp;

import static dev.rivet.flasher.esp.EspProtocol.*;

import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.SerialLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The host side of Espressif's ROM loader protocol. Every command waits for the response with
 * the same command byte (skipping others, such as the extra answers to SYNC); a response with
 * a failure status, a garbled frame or no answer is retried a few times before the command fails.
 */
public final class EspClient {
    static final int RETRIES = 3, SYNC_ATTEMPTS = 10;

    private final SerialLink link;
    private final int commandMillis;

    /** The result of a command: the value field and the data before the status bytes. */
    public record Response(long value, byte[] data) {}

    /** {@code commandMillis}: how long to wait for an answer to an ordinary command (esptool: 3 s). */
    public EspClient(SerialLink link, int commandMillis) {
        this.link = link;
        this.commandMillis = commandMillis;
    }

    public EspClient(SerialLink link) {
        this(link, 3000);
    }

    public String portName() { return link.name(); }

    /**
     * Resets the chip into download mode through a DevKit's auto-reset circuit (DTR drives the
     * boot strap, RTS the enable pin, both inverted): EN low, then EN high with the strap low.
     * Returns false when the port has no modem-control lines.
     */
    public boolean resetIntoBootloader() throws IOException, InterruptedException {
        if (!link.setModemLines(false, true)) return false; // IO9 high, EN low: in reset
        Thread.sleep(100);
        link.setModemLines(true, false); // IO9 low, EN high: boots into the ROM loader
        Thread.sleep(50);
        link.setModemLines(false, false); // release the strap
        return true;
    }

    /** Pulses EN to start the program from flash. Returns false without modem-control lines. */
    public boolean hardReset() throws IOException, InterruptedException {
        if (!link.setModemLines(false, true)) return false;
        Thread.sleep(100);
        link.setModemLines(false, false);
        return true;
    }

    /** SYNC until the ROM answers, then drops the further identical answers it sends. */
    public void sync(String howToEnter) throws IOException, FlashException {
        byte[] frame = Slip.frame(request(SYNC, syncPayload(), 0));
        for (int attempt = 0; attempt < SYNC_ATTEMPTS; attempt++) {
            link.drain();
            link.write(frame);
            if (awaitResponse(SYNC, 100) instanceof Response) {
                while (!(Slip.read(link, 100) instanceof Slip.Read.Timeout)) { } // the ROM answers SYNC several times
                return;
            }
        }
        throw new FlashException("the ESP ROM loader on " + link.name() + " does not answer SYNC\nhelp: " + howToEnter);
    }

    public long readReg(long address) throws IOException, FlashException {
        return command(READ_REG, words(address), 0, commandMillis).value();
    }

    /** Attaches the SPI flash (default pins); the C3 ROM takes a second, zero word. */
    public void spiAttach() throws IOException, FlashException {
        command(SPI_ATTACH, words(0, 0), 0, commandMillis);
    }

    /** Tells the ROM the flash geometry: id, size, 64 KiB blocks, 4 KiB sectors, 256-byte pages, status mask. */
    public void spiSetParams(long flashSize) throws IOException, FlashException {
        command(SPI_SET_PARAMS, words(0, flashSize, 0x10000, SECTOR, 0x100, 0xFFFF), 0, commandMillis);
    }

    /** Asks the ROM to switch line rate, then follows it. */
    public void changeBaud(int baud) throws IOException, FlashException, InterruptedException {
        command(CHANGE_BAUDRATE, words(baud, 0), 0, commandMillis); // old rate 0: we talk to the ROM
        link.setBaud(baud);
        Thread.sleep(50); // let the ROM's UART settle
        link.drain();
    }

    /** FLASH_BEGIN: the ROM erases {@code eraseSize} bytes from {@code offset} before answering. */
    public void flashBegin(long eraseSize, int blocks, int blockSize, long offset) throws IOException, FlashException {
        int eraseMillis = (int) Math.max(commandMillis, 30_000 * eraseSize / (1 << 20)); // esptool: 30 s per MiB
        command(FLASH_BEGIN, words(eraseSize, blocks, blockSize, offset, 0), 0, eraseMillis); // last word: not encrypted
    }

    public void flashData(byte[] block, int seq, int blockSize) throws IOException, FlashException {
        byte[] packet = dataPacket(block, seq, blockSize);
        command(FLASH_DATA, packet, checksum(packet, 16, packet.length), commandMillis);
    }

    /** The MD5 of {@code size} bytes of flash from {@code address}, as 32 lowercase hex digits. */
    public String flashMd5(long address, long size) throws IOException, FlashException {
        int millis = (int) Math.max(commandMillis, 8_000 * size / (1 << 20)); // esptool: 8 s per MiB
        byte[] digest = command(SPI_FLASH_MD5, words(address, size, 0, 0), 0, millis).data();
        if (digest.length != 32) throw new FlashException("SPI_FLASH_MD5 answered " + digest.length + " bytes, not 32 hex digits");
        return new String(digest, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
    }

    /** FLASH_END: with {@code reboot} the ROM resets and boots the new image. Sent once: the chip may be gone after it. */
    public void flashEnd(boolean reboot) throws IOException, FlashException {
        link.write(Slip.frame(request(FLASH_END, words(reboot ? 0 : 1), 0)));
        Object r = awaitResponse(FLASH_END, commandMillis);
        if (r instanceof String failure) throw new FlashException("FLASH_END: " + failure);
    }

    // ---- the wire ----

    private Response command(int op, byte[] data, int checksum, int timeoutMillis) throws IOException, FlashException {
        byte[] frame = Slip.frame(request(op, data, checksum));
        String failure = null;
        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            link.write(frame);
            Object r = awaitResponse(op, timeoutMillis);
            if (r instanceof Response ok) return ok;
            failure = (String) r;
            link.drain();
        }
        throw new FlashException(name(op) + " failed after " + RETRIES + " attempts: " + failure);
    }

    /** The response to {@code op}: a {@link Response}, or a String saying why there is none. */
    private Object awaitResponse(int op, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        String garbled = null;
        for (long left; (left = (deadline - System.nanoTime()) / 1_000_000) > 0; ) {
            Slip.Read r = Slip.read(link, (int) left);
            if (r instanceof Slip.Read.Garbled) garbled = "a garbled answer";
            if (!(r instanceof Slip.Read.Packet(byte[] p)) || p.length < 8 || p[0] != 1 || (p[1] & 0xFF) != op) continue;
            int size = (p[2] & 0xFF) | (p[3] & 0xFF) << 8;
            if (size != p.length - 8 || size < STATUS_BYTES) {
                garbled = "an answer of the wrong length";
                continue;
            }
            int status = p[8 + size - STATUS_BYTES] & 0xFF, error = p[8 + size - STATUS_BYTES + 1] & 0xFF;
            if (status != 0) return "the ROM reports " + error(error);
            return new Response(word(p, 4), Arrays.copyOfRange(p, 8, 8 + size - STATUS_BYTES));
        }
        return garbled != null ? garbled : "no answer within " + timeoutMillis + " ms";
    }
}
