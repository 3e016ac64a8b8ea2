package dev.rivet.flasher.esp;

import static dev.rivet.flasher.esp.EspProtocol.*;

import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.FlashImage;
import dev.rivet.flasher.Progress;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Programs flash through the ESP ROM loader: reset into download mode where the port can,
 * SYNC, identify the chip by its magic register (refusing another family unless forced),
 * switch to a faster line rate if asked, attach the SPI flash, then for each run of bytes
 * FLASH_BEGIN (the ROM erases the sectors) and FLASH_DATA blocks, an MD5 of what the flash now
 * holds, and FLASH_END to boot the new program.
 */
public final class EspFlasher {
    /** The line rate to write at unless told otherwise, as esptool's default: the ROM and USB bridges take it reliably. */
    public static final int DEFAULT_BAUD = 460800;

    /**
     * @param chipMagic the chip-detect values of the board's chip
     * @param baud      the line rate to write at (a CHANGE_BAUDRATE when it differs from {@code initialBaud})
     */
    public record Options(List<Long> chipMagic, boolean force, boolean verify, boolean start, int initialBaud, int baud,
                          long flashSize, String howToEnter) {}

    private final EspClient client;
    private final Progress progress;

    public EspFlasher(EspClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public void flash(FlashImage image, Options o) throws IOException, FlashException, InterruptedException {
        progress.phase("connecting");
        if (!client.resetIntoBootloader())
            progress.phase("the port has no DTR/RTS lines: the chip was not reset; it must be in download mode already");
        client.sync(o.howToEnter());
        long magic = client.readReg(CHIP_DETECT_MAGIC_REG);
        if (!o.chipMagic().contains(magic) && !o.force())
            throw new FlashException(String.format("the chip answers magic 0x%08x (%s), not the board's chip; use --force to flash anyway", magic,
                    EspChip.byMagic(magic).map(EspChip::name).orElse("unknown chip")));
        for (FlashImage.Segment s : image.segments())
            if (s.address() < 0 || s.end() > o.flashSize())
                throw new FlashException(String.format("the image needs flash 0x%x..0x%x, beyond the board's %d KiB", s.address(), s.end(), o.flashSize() / 1024));
        if (o.baud() != o.initialBaud()) {
            progress.phase("switching to " + o.baud() + " baud");
            client.changeBaud(o.baud());
        }
        client.spiAttach();
        client.spiSetParams(o.flashSize());
        FlashImage runs = sectorAligned(image);
        progress.phase("erasing and writing");
        long done = 0, total = runs.bytes();
        for (FlashImage.Segment s : runs.segments()) {
            int blocks = Math.ceilDiv(s.data().length, FLASH_BLOCK);
            client.flashBegin(s.data().length, blocks, FLASH_BLOCK, s.address());
            for (int seq = 0; seq < blocks; seq++) {
                int from = seq * FLASH_BLOCK, to = Math.min(from + FLASH_BLOCK, s.data().length);
                client.flashData(Arrays.copyOfRange(s.data(), from, to), seq, FLASH_BLOCK);
                done += to - from;
                progress.advance(done, total);
            }
        }
        if (o.verify()) {
            progress.phase("verifying (MD5)");
            for (FlashImage.Segment s : image.segments()) verify(s);
        }
        if (o.start()) {
            progress.phase("starting");
            client.flashEnd(true);
            client.hardReset();
        }
    }

    /**
     * Runs that start on a sector boundary (the ROM erases whole sectors from the offset it is
     * given) and are whole words long; the padding is 0xFF, what erased flash holds anyway.
     */
    static FlashImage sectorAligned(FlashImage image) {
        FlashImage words = image.aligned(4, (byte) 0xFF);
        List<FlashImage.Segment> out = new java.util.ArrayList<>();
        for (FlashImage.Segment s : words.segments()) {
            long start = Math.floorDiv(s.address(), SECTOR) * SECTOR;
            FlashImage.Segment sharing = !out.isEmpty() && out.getLast().end() > start ? out.removeLast() : null;
            if (sharing != null) start = sharing.address(); // erasing this sector would erase the last run's tail: one run
            byte[] data = new byte[(int) (s.end() - start)];
            Arrays.fill(data, (byte) 0xFF);
            if (sharing != null) System.arraycopy(sharing.data(), 0, data, 0, sharing.data().length);
            System.arraycopy(s.data(), 0, data, (int) (s.address() - start), s.data().length);
            out.add(new FlashImage.Segment(start, data));
        }
        return new FlashImage(List.copyOf(out));
    }

    /** Compares MD5s; on a difference, bisects with further MD5s to name the first differing address. */
    private void verify(FlashImage.Segment s) throws IOException, FlashException {
        if (matches(s.address(), s.data(), 0, s.data().length)) return;
        if (matches(s.address(), s.data(), 0, s.data().length)) return; // a garbled digest, not a bad write
        int lo = 0, hi = s.data().length; // the first difference is in [lo, hi)
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (matches(s.address(), s.data(), lo, mid)) lo = mid;
            else hi = mid;
        }
        throw new FlashException(String.format("verify failed at 0x%08x: the flash differs from the image there (by MD5); wrote 0x%02x",
                s.address() + lo, s.data()[lo] & 0xFF));
    }

    private boolean matches(long base, byte[] data, int from, int to) throws IOException, FlashException {
        return client.flashMd5(base + from, to - from).equals(md5(data, from, to));
    }

    static String md5(byte[] data, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(data, from, to - from);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
