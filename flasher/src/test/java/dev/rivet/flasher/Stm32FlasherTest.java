package dev.rivet.flasher;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.flasher.Faults;
import dev.rivet.flasher.stm32.Stm32Chip;
import dev.rivet.flasher.stm32.Stm32Client;
import dev.rivet.flasher.stm32.Stm32Flasher;
import dev.rivet.flasher.stm32.Stm32Protocol;
import dev.rivet.flasher.stm32.Stm32Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** rivet's AN3155 client against its simulator, over an in-memory link, with and without faults. */
class Stm32FlasherTest {
    static final Stm32Chip F103 = Stm32Chip.byProductId(0x410).orElseThrow();
    static final Stm32Chip F411 = Stm32Chip.byProductId(0x431).orElseThrow();

    record Session(Stm32Simulator sim, Thread device, SerialLink host, List<String> phases) {}

    static Session start(Stm32Chip chip, Faults faults) throws Exception {
        SerialLink[] links = StreamLink.pair("host", "device");
        Stm32Simulator sim = new Stm32Simulator(links[1], chip, faults);
        Thread device = Thread.ofPlatform().daemon().start(() -> {
            try {
                sim.serve();
                while (true) links[1].read(60_000); // the program runs: nothing answers, the line stays open
            } catch (java.io.IOException e) {
                // the host closed the link
            }
        });
        return new Session(sim, device, links[0], new ArrayList<>());
    }

    static FlashImage image(long address, int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return new FlashImage(List.of(new FlashImage.Segment(address, data)));
    }

    static void flash(Session s, FlashImage img, int pid, boolean force) throws Exception {
        flash(s, img, pid, force, true);
    }

    static void flash(Session s, FlashImage img, int pid, boolean force, boolean start) throws Exception {
        Progress p = new Progress() {
            @Override public void phase(String name) { s.phases().add(name); }
            @Override public void advance(long done, long total) { assertTrue(done <= total); }
        };
        new Stm32Flasher(new Stm32Client(s.host()), p).flash(img, new Stm32Flasher.Options(pid, force, true, start, false, "press BOOT0"));
    }

    @Test
    void writesVerifiesAndStartsOnF103() throws Exception {
        Session s = start(F103, Faults.NONE);
        FlashImage img = image(0x0800_0000L, 5000, 1);
        flash(s, img, 0x410, false);
        assertArrayEquals(img.segments().getFirst().data(), Arrays.copyOf(s.sim().flash(), 5000));
        assertEquals(0xFF, s.sim().flash()[5000] & 0xFF, "bytes after the image stay erased");
        assertEquals(0x0800_0000L, s.sim().startedAt());
        assertEquals(List.of("connecting", "erasing", "writing", "verifying", "starting"), s.phases());
    }

    @Test
    void extendedEraseAndSectorsOnF411() throws Exception {
        Session s = start(F411, Faults.NONE);
        FlashImage first = image(0x0800_0000L, 40000, 2);
        flash(s, first, 0x431, false, false); // stays in the bootloader
        // a second, smaller image over the first: only its sector is erased, and it verifies
        Session again = s;
        FlashImage second = image(0x0800_0000L, 1000, 3);
        flash(again, second, 0x431, false);
        assertArrayEquals(second.segments().getFirst().data(), Arrays.copyOf(s.sim().flash(), 1000));
        // sector 1 and 2 (0x4000..0xC000) still hold the first image: only sector 0 was erased
        assertArrayEquals(Arrays.copyOfRange(first.segments().getFirst().data(), 16384, 40000), Arrays.copyOfRange(s.sim().flash(), 16384, 40000));
    }

    @Test
    void refusesAnotherChipUnlessForced() throws Exception {
        Session s = start(F411, Faults.NONE);
        FlashException e = assertThrows(FlashException.class, () -> flash(s, image(0x0800_0000L, 64, 4), 0x410, false));
        assertTrue(e.getMessage().contains("product id 0x431") && e.getMessage().contains("--force"), e.getMessage());
        flash(s, image(0x0800_0000L, 64, 4), 0x410, true);
    }

    @Test
    void anImageLargerThanTheFlashIsRefusedBeforeErasing() throws Exception {
        Session s = start(F103, Faults.NONE);
        FlashException e = assertThrows(FlashException.class, () -> flash(s, image(0x0800_0000L, 200 * 1024, 5), 0x410, false));
        assertTrue(e.getMessage().contains("outside the 128 KiB of flash"), e.getMessage());
        assertFalse(s.phases().contains("erasing"));
    }

    @Test
    void retriesThroughNacksAndDroppedBytes() throws Exception {
        // the 5th command is NACKed and the 300th byte the device receives is lost: both retried
        Session s = start(F103, Faults.parse("nack:5,drop:300"));
        FlashImage img = image(0x0800_0000L, 3000, 6);
        flash(s, img, 0x410, false);
        assertArrayEquals(img.segments().getFirst().data(), Arrays.copyOf(s.sim().flash(), 3000));
    }

    @Test
    void protectedFlashSaysHowToUnprotect() throws Exception {
        Session s = start(F103, Faults.parse("protected"));
        FlashException e = assertThrows(FlashException.class, () -> flash(s, image(0x0800_0000L, 64, 7), 0x410, false));
        assertTrue(e.getMessage().contains("--unprotect"), e.getMessage());
    }

    @Test
    void aSilentBootloaderSaysHowToEnterIt() throws Exception {
        SerialLink[] links = StreamLink.pair("host", "nobody");
        Stm32Client c = new Stm32Client(links[0]);
        FlashException e = assertThrows(FlashException.class, () -> c.connect("set BOOT0 to 1 and press RESET"));
        assertTrue(e.getMessage().contains("does not answer") && e.getMessage().contains("BOOT0"), e.getMessage());
    }

    @Test
    void segmentsThatShareAWordAreWrittenTogether() throws Exception {
        Session s = start(F103, Faults.NONE);
        FlashImage img = new FlashImage(List.of(new FlashImage.Segment(0x0800_0000L, new byte[] {1, 2, 3, 4, 5, 6}),
                new FlashImage.Segment(0x0800_0006L, new byte[] {7, 8, 9}), new FlashImage.Segment(0x0800_0102L, new byte[] {10})));
        flash(s, img, 0x410, false);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1}, Arrays.copyOf(s.sim().flash(), 12));
        assertArrayEquals(new byte[] {-1, -1, 10, -1}, Arrays.copyOfRange(s.sim().flash(), 0x100, 0x104));
    }

    @Test
    void recoversFromAStalledCommandAndACorruptedReply() throws Exception {
        Session s = start(F103, Faults.parse("stall:6,corrupt:30"));
        FlashImage img = image(0x0800_0000L, 2000, 8);
        flash(s, img, 0x410, false);
        assertArrayEquals(img.segments().getFirst().data(), Arrays.copyOf(s.sim().flash(), 2000));
    }

    @Test
    void aWeakCellFailsTheVerifyAtItsAddress() throws Exception {
        Session s = start(F103, Faults.parse("weak:0x123"));
        byte[] zeros = new byte[1024];
        FlashException e = assertThrows(FlashException.class,
                () -> flash(s, new FlashImage(List.of(new FlashImage.Segment(0x0800_0000L, zeros))), 0x410, false));
        assertTrue(e.getMessage().contains("verify failed at 0x08000123: wrote 0x00, read back 0x01"), e.getMessage());
        assertNull(s.sim().startedAt(), "a failed verify does not start the program");
    }

    @Test
    void afterGoTheBootloaderNoLongerAnswers() throws Exception {
        Session s = start(F103, Faults.NONE);
        flash(s, image(0x0800_0000L, 100, 9), 0x410, false);
        FlashException e = assertThrows(FlashException.class, () -> new Stm32Client(s.host()).connect("reset into the bootloader"));
        assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
    }

    /** As stm32flash relies on: once synchronised, a lone 0x7F is the start of a command, and a second one gets a NACK. */
    @Test
    void aRepeatedSyncByteIsAnsweredAsTheRomDoes() throws Exception {
        Session s = start(F103, Faults.NONE);
        s.host().write(0x7F);
        assertEquals(Stm32Protocol.ACK, s.host().read(1000));
        s.host().write(0x7F);
        assertEquals(-1, s.host().read(300), "the ROM waits for the command's complement");
        s.host().write(0x7F);
        assertEquals(Stm32Protocol.NACK, s.host().read(1000));
    }

    @Test
    void faultSpecsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Faults.parse("explode:3"));
        assertEquals(Faults.parse("nack:2,protected").nackCommands(), java.util.Set.of(2L));
    }
}
