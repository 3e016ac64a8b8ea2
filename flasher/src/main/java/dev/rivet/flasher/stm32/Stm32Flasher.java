package dev.rivet.flasher.stm32;

import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.FlashImage;
import dev.rivet.flasher.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Programs an image through the AN3155 bootloader: connect, identify the chip (refusing
 * another chip than the board's unless forced), erase only the pages the image touches,
 * write in 256-byte blocks, read everything back to verify, then start the program.
 */
public final class Stm32Flasher {
    public record Options(int expectedProductId, boolean force, boolean verify, boolean start, boolean unprotect, String howToEnter) {}

    private final Stm32Client client;
    private final Progress progress;

    public Stm32Flasher(Stm32Client client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    public void flash(FlashImage image, Options o) throws IOException, FlashException {
        progress.phase("connecting");
        client.connect(o.howToEnter());
        int pid = client.productId();
        Stm32Chip chip = Stm32Chip.byProductId(pid).orElse(null);
        if (pid != o.expectedProductId() && !o.force())
            throw new FlashException(String.format("the chip answers product id 0x%03x (%s), but the board has 0x%03x; use --force to flash anyway",
                    pid, chip != null ? chip.name() : "unknown chip", o.expectedProductId()));
        if (chip == null) throw new FlashException(String.format("rivet does not know the flash layout of product id 0x%03x", pid));
        for (FlashImage.Segment s : image.segments())
            if (s.address() < chip.flashBase() || s.end() > chip.flashBase() + chip.flashSize())
                throw new FlashException(String.format("the image needs 0x%08x..0x%08x, outside the %d KiB of flash at 0x%08x", s.address(),
                        s.end(), chip.flashSize() / 1024, chip.flashBase()));
        if (o.unprotect()) {
            progress.phase("removing readout protection (mass erase)");
            client.readoutUnprotect();
            client.connect(o.howToEnter()); // the chip resets after unprotecting
        }
        progress.phase("erasing");
        client.erase(unitsFor(image, chip));
        progress.phase("writing");
        FlashImage words = image.aligned(4, (byte) 0xFF); // Write Memory takes whole words at word addresses
        long done = 0, total = words.bytes();
        for (FlashImage.Segment s : words.segments()) {
            for (int at = 0; at < s.data().length; at += Stm32Protocol.BLOCK) {
                int n = Math.min(Stm32Protocol.BLOCK, s.data().length - at);
                client.writeBlock(s.address() + at, java.util.Arrays.copyOfRange(s.data(), at, at + n));
                done += n;
                progress.advance(done, total);
            }
        }
        if (o.verify()) verify(image, image.bytes());
        if (o.start()) {
            progress.phase("starting");
            client.go(chip.flashBase());
        }
    }

    private void verify(FlashImage image, long total) throws IOException, FlashException {
        progress.phase("verifying");
        long done = 0;
        for (FlashImage.Segment s : image.segments()) {
            byte[] back = client.read(s.address(), s.data().length);
            for (int i = 0; i < back.length; i++)
                if (back[i] != s.data()[i])
                    throw new FlashException(String.format("verify failed at 0x%08x: wrote 0x%02x, read back 0x%02x", s.address() + i,
                            s.data()[i] & 0xFF, back[i] & 0xFF));
            done += back.length;
            progress.advance(done, total);
        }
    }

    static List<Integer> unitsFor(FlashImage image, Stm32Chip chip) {
        Set<Integer> units = new LinkedHashSet<>();
        for (FlashImage.Segment s : image.segments()) units.addAll(chip.unitsCovering(s.address(), s.end()));
        return new ArrayList<>(units);
    }
}
