package dev.rivet.flasher.esp;

import static dev.rivet.flasher.esp.EspProtocol.*;

import dev.rivet.flasher.Faults;
import dev.rivet.flasher.FaultyLink;
import dev.rivet.flasher.SerialLink;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An Espressif chip in its ROM download mode, on the device end of a link. It ignores frames
 * until the first SYNC (the ROM is still measuring the line rate), answers SYNC several times,
 * and serves READ_REG of the chip-detect register, SPI_ATTACH, SPI_SET_PARAMS, CHANGE_BAUDRATE,
 * FLASH_BEGIN (erasing whole 4 KiB sectors), FLASH_DATA (checksum and sequence checked; flash
 * takes writes only where it is erased), SPI_FLASH_MD5 (32 hex digits, as the ROM answers)
 * and FLASH_END, after which the program runs and the loader no longer answers. A repeat of
 * the last FLASH_DATA, as a host sends when an answer was lost, is written again.
 */
public final class EspSimulator {
    private static final int TIMEOUT_MS = 60_000;
    static final int SYNC_ANSWERS = 8;

    private final SerialLink link;
    private final EspChip chip;
    private final Faults faults;
    private final Consumer<String> log;
    private final byte[] flash;
    private boolean synced, attached;
    private long writeBase = -1, writeEnd;
    private int nextSeq;
    private long commandsSeen;
    private volatile Boolean rebooted;

    public EspSimulator(SerialLink link, EspChip chip, Faults faults, Consumer<String> log) {
        if (faults.readProtected()) throw new IllegalArgumentException("the ESP simulator has no readout protection to start with");
        this.link = new FaultyLink(link, faults);
        this.chip = chip;
        this.faults = faults;
        this.log = log;
        this.flash = new byte[(int) chip.flashSize()];
        Arrays.fill(flash, (byte) 0xFF);
    }

    public byte[] flash() { return flash; }

    /** After FLASH_END: true when the host asked for a reboot, false for "run user code"; null before. */
    public Boolean rebooted() { return rebooted; }

    /** Serves until FLASH_END starts the program (the loader is gone then: the caller stops answering too) or the link closes. */
    public void serve() throws IOException {
        try {
            while (rebooted == null) {
                if (Slip.read(link, TIMEOUT_MS) instanceof Slip.Read.Packet(byte[] p)) serve(p);
            }
        } catch (EOFException e) {
            // the host went away
        }
    }

    private void serve(byte[] p) throws IOException {
        if (p.length < 8 || p[0] != 0) return; // not a request
        int op = p[1] & 0xFF, size = (p[2] & 0xFF) | (p[3] & 0xFF) << 8;
        if (!synced && op != SYNC) return; // still measuring the line rate
        commandsSeen++;
        if (faults.stallCommands().contains(commandsSeen)) {
            log.accept(name(op) + ": stalled (no answer)");
            return;
        }
        if (faults.nackCommands().contains(commandsSeen)) {
            log.accept(name(op) + ": refused (injected fault)");
            fail(op, 0x07);
            return;
        }
        if (size != p.length - 8) {
            log.accept(name(op) + ": length field " + size + " but " + (p.length - 8) + " bytes: invalid message");
            fail(op, 0x05);
            return;
        }
        byte[] data = Arrays.copyOfRange(p, 8, p.length);
        switch (op) {
            case SYNC -> sync(data);
            case READ_REG -> readReg(data);
            case SPI_ATTACH -> expect(op, data, 8, () -> attached = true);
            case SPI_SET_PARAMS -> expect(op, data, 24, () -> { });
            case CHANGE_BAUDRATE -> changeBaud(data);
            case FLASH_BEGIN -> flashBegin(data);
            case FLASH_DATA -> flashData(data, (int) word(p, 4));
            case SPI_FLASH_MD5 -> md5(data);
            case FLASH_END -> flashEnd(data);
            default -> {
                log.accept(name(op) + ": not served");
                fail(op, 0x05);
            }
        }
    }

    private void sync(byte[] data) throws IOException {
        if (!Arrays.equals(data, syncPayload())) return; // not a SYNC the ROM could lock onto
        if (!synced) log.accept("SYNC: line rate locked");
        synced = true;
        for (int i = 0; i < SYNC_ANSWERS; i++) ok(SYNC, 0x55201207L, new byte[0]);
    }

    private void readReg(byte[] data) throws IOException {
        if (data.length != 4) { fail(READ_REG, 0x05); return; }
        long address = word(data, 0);
        long value = address == CHIP_DETECT_MAGIC_REG ? chip.magicValue() : 0;
        log.accept(String.format("READ_REG 0x%08x = 0x%08x", address, value));
        ok(READ_REG, value, new byte[0]);
    }

    private void changeBaud(byte[] data) throws IOException {
        if (data.length != 8) { fail(CHANGE_BAUDRATE, 0x05); return; }
        int baud = (int) word(data, 0);
        log.accept("CHANGE_BAUDRATE to " + baud);
        ok(CHANGE_BAUDRATE, 0, new byte[0]);
        link.setBaud(baud);
    }

    private void flashBegin(byte[] data) throws IOException {
        // the C3 ROM takes five words: erase size, blocks, block size, offset, encrypted
        if (data.length != 20 || !attached) {
            log.accept("FLASH_BEGIN: " + (attached ? data.length + " bytes of arguments, not 20" : "the SPI flash is not attached"));
            fail(FLASH_BEGIN, data.length != 20 ? 0x05 : 0x06);
            return;
        }
        long erase = word(data, 0), blocks = word(data, 4), blockSize = word(data, 8), offset = word(data, 12);
        if (offset + blocks * blockSize > flash.length || blockSize == 0 || blockSize > 0x4000) {
            fail(FLASH_BEGIN, 0x06);
            return;
        }
        long from = offset / SECTOR * SECTOR, to = Math.min(flash.length, Math.ceilDiv(offset + erase, SECTOR) * SECTOR);
        Arrays.fill(flash, (int) from, (int) to, (byte) 0xFF);
        writeBase = offset;
        writeEnd = offset + blocks * blockSize;
        nextSeq = 0;
        log.accept(String.format("FLASH_BEGIN at 0x%x: erased 0x%x..0x%x, %d blocks of %d", offset, from, to, blocks, blockSize));
        ok(FLASH_BEGIN, 0, new byte[0]);
    }

    private void flashData(byte[] data, int checksum) throws IOException {
        if (data.length < 16 || writeBase < 0) { fail(FLASH_DATA, 0x05); return; }
        int len = (int) word(data, 0), seq = (int) word(data, 4);
        if (len != data.length - 16) { fail(FLASH_DATA, 0x05); return; }
        if (checksum(data, 16, data.length) != checksum) {
            log.accept("FLASH_DATA " + seq + ": bad checksum");
            fail(FLASH_DATA, 0x07);
            return;
        }
        if (seq != nextSeq && seq != nextSeq - 1) {
            log.accept("FLASH_DATA " + seq + ": expected block " + nextSeq);
            fail(FLASH_DATA, 0x05);
            return;
        }
        long at = writeBase + (long) seq * len;
        if (at + len > writeEnd) { fail(FLASH_DATA, 0x06); return; }
        for (int i = 0; i < len; i++)
            if (flash[(int) at + i] != (byte) 0xFF && flash[(int) at + i] != faults.programmed(at + i, data[16 + i])) {
                log.accept(String.format("FLASH_DATA %d: 0x%x is not erased", seq, at + i));
                fail(FLASH_DATA, 0x08);
                return;
            }
        for (int i = 0; i < len; i++) flash[(int) at + i] = faults.programmed(at + i, data[16 + i]);
        if (seq == nextSeq) nextSeq++;
        log.accept(String.format("FLASH_DATA %d: %d bytes at 0x%x", seq, len, at));
        ok(FLASH_DATA, 0, new byte[0]);
    }

    private void md5(byte[] data) throws IOException {
        if (data.length != 16) { fail(SPI_FLASH_MD5, 0x05); return; }
        long address = word(data, 0), size = word(data, 4);
        if (address + size > flash.length) { fail(SPI_FLASH_MD5, 0x09); return; }
        String digest = EspFlasher.md5(flash, (int) address, (int) (address + size));
        log.accept(String.format("SPI_FLASH_MD5 0x%x+0x%x = %s", address, size, digest));
        ok(SPI_FLASH_MD5, 0, digest.getBytes(StandardCharsets.US_ASCII));
    }

    private void flashEnd(byte[] data) throws IOException {
        if (data.length != 4) { fail(FLASH_END, 0x05); return; }
        boolean reboot = word(data, 0) == 0;
        log.accept("FLASH_END: " + (reboot ? "reboot" : "run user code") + "; the program runs");
        rebooted = reboot; // decided before the answer goes out, so that whoever reads the answer sees it
        ok(FLASH_END, 0, new byte[0]);
    }

    private void expect(int op, byte[] data, int length, Runnable action) throws IOException {
        if (data.length != length) {
            log.accept(name(op) + ": " + data.length + " bytes of arguments, not " + length);
            fail(op, 0x05);
            return;
        }
        action.run();
        log.accept(name(op));
        ok(op, 0, new byte[0]);
    }

    private void ok(int op, long value, byte[] data) throws IOException {
        byte[] withStatus = Arrays.copyOf(data, data.length + STATUS_BYTES); // status 0, error 0
        send(response(op, value, withStatus));
    }

    private void fail(int op, int error) throws IOException {
        send(response(op, 0, new byte[] {1, (byte) error, 0, 0}));
    }

    private void send(byte[] packet) throws IOException {
        link.write(Slip.frame(packet));
    }
}
