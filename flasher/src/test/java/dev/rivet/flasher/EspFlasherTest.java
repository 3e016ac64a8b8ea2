package dev.rivet.flasher;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.flasher.esp.EspChip;
import dev.rivet.flasher.esp.EspClient;
import dev.rivet.flasher.esp.EspFlasher;
import dev.rivet.flasher.esp.EspSimulator;
import dev.rivet.flasher.esp.Slip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** rivet's ESP ROM loader client against its simulator, over an in-memory link, with and without faults. */
class EspFlasherTest {
    static final List<Long> C3_MAGIC = EspChip.ESP32_C3.magic();
    static final long FOUR_MB = 4L << 20;

    record Session(EspSimulator sim, SerialLink host, List<String> phases, List<String> received) {}

    static Session start(EspChip chip, Faults faults) throws Exception {
        SerialLink[] links = StreamLink.pair("host", "device");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        EspSimulator sim = new EspSimulator(links[1], chip, faults, received::add);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                sim.serve();
                while (true) links[1].read(60_000); // the program runs: nothing answers, the line stays open
            } catch (java.io.IOException e) {
                // the host closed the link
            }
        });
        return new Session(sim, links[0], new ArrayList<>(), received);
    }

    static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    static FlashImage at(long address, byte[] data) {
        return new FlashImage(List.of(new FlashImage.Segment(address, data)));
    }

    static void flash(Session s, FlashImage img, List<Long> magic, boolean force, int baud) throws Exception {
        Progress p = new Progress() {
            @Override public void phase(String name) { s.phases().add(name); }
            @Override public void advance(long done, long total) { assertTrue(done <= total); }
        };
        new EspFlasher(new EspClient(s.host(), 500), p).flash(img, new EspFlasher.Options(magic, force, true, true, 115200, baud, FOUR_MB, "hold BOOT"));
    }

    @Test
    void writesOneKibibyteAndOneHundredTwentyEightAndBoots() throws Exception {
        for (int size : new int[] {1024, 128 * 1024}) {
            Session s = start(EspChip.ESP32_C3, Faults.NONE);
            byte[] data = random(size, size);
            flash(s, at(0, data), C3_MAGIC, false, 115200);
            assertArrayEquals(data, Arrays.copyOf(s.sim().flash(), size));
            assertEquals(Boolean.TRUE, s.sim().rebooted());
            assertTrue(s.phases().containsAll(List.of("connecting", "erasing and writing", "verifying (MD5)", "starting")), s.phases().toString());
        }
    }

    @Test
    void runsThatShareASectorAreWrittenAsOne() throws Exception {
        Session s = start(EspChip.ESP32_C3, Faults.NONE);
        FlashImage img = new FlashImage(List.of(new FlashImage.Segment(0x10, new byte[] {1, 2, 3}), new FlashImage.Segment(0x800, new byte[] {4}),
                new FlashImage.Segment(0x3000, new byte[] {5, 6})));
        flash(s, img, C3_MAGIC, false, 115200);
        byte[] f = s.sim().flash();
        assertArrayEquals(new byte[] {-1, 1, 2, 3, -1}, Arrays.copyOfRange(f, 0x0F, 0x14));
        assertEquals(4, f[0x800]);
        assertArrayEquals(new byte[] {5, 6, -1}, Arrays.copyOfRange(f, 0x3000, 0x3003));
        assertEquals(2, s.received().stream().filter(l -> l.startsWith("FLASH_BEGIN")).count(), s.received().toString());
    }

    @Test
    void switchesTheLineRateWhenAsked() throws Exception {
        Session s = start(EspChip.ESP32_C3, Faults.NONE);
        flash(s, at(0, random(3000, 1)), C3_MAGIC, false, 921600);
        assertTrue(s.received().contains("CHANGE_BAUDRATE to 921600"), s.received().toString());
    }

    @Test
    void refusesAnotherChipUnlessForced() throws Exception {
        Session s = start(EspChip.ESP32, Faults.NONE);
        FlashException e = assertThrows(FlashException.class, () -> flash(s, at(0, random(64, 2)), C3_MAGIC, false, 115200));
        assertTrue(e.getMessage().contains("0x00f01d83 (ESP32)") && e.getMessage().contains("--force"), e.getMessage());
        flash(s, at(0, random(64, 2)), C3_MAGIC, true, 115200);
    }

    @Test
    void anImageLargerThanTheFlashIsRefusedBeforeWriting() throws Exception {
        Session s = start(EspChip.ESP32_C3, Faults.NONE);
        FlashException e = assertThrows(FlashException.class, () -> flash(s, at(FOUR_MB - 16, random(64, 3)), C3_MAGIC, false, 115200));
        assertTrue(e.getMessage().contains("beyond the board's 4096 KiB"), e.getMessage());
        assertFalse(s.phases().contains("erasing and writing"));
    }

    /** Each fault is either recovered from, with the flash right, or ends in an error; never in a false success. */
    @Test
    void recoversFromRefusedDroppedCorruptedAndStalledCommands() throws Exception {
        for (String spec : List.of("nack:7", "drop:500", "drop:1", "corrupt:40", "corrupt:200", "stall:8", "nack:7,drop:3000,corrupt:300,stall:12")) {
            Session s = start(EspChip.ESP32_C3, Faults.parse(spec));
            byte[] data = random(6000, spec.hashCode());
            flash(s, at(0, data), C3_MAGIC, false, 115200);
            assertArrayEquals(data, Arrays.copyOf(s.sim().flash(), data.length), spec);
            if (spec.contains("nack")) assertTrue(s.received().stream().anyMatch(l -> l.endsWith("refused (injected fault)")), spec);
            if (spec.contains("stall")) assertTrue(s.received().stream().anyMatch(l -> l.endsWith("stalled (no answer)")), spec);
        }
    }

    @Test
    void aWeakCellFailsTheVerifyAtItsAddress() throws Exception {
        Session s = start(EspChip.ESP32_C3, Faults.parse("weak:0x1234"));
        FlashException e = assertThrows(FlashException.class, () -> flash(s, at(0, new byte[8192]), C3_MAGIC, false, 115200));
        assertTrue(e.getMessage().contains("verify failed at 0x00001234"), e.getMessage());
        assertNull(s.sim().rebooted(), "a failed verify does not start the program");
    }

    @Test
    void aSilentLoaderSaysHowToEnterIt() throws Exception {
        SerialLink[] links = StreamLink.pair("host", "nobody");
        FlashException e = assertThrows(FlashException.class, () -> new EspClient(links[0], 200).sync("hold BOOT and press RESET"));
        assertTrue(e.getMessage().contains("does not answer SYNC") && e.getMessage().contains("hold BOOT"), e.getMessage());
    }

    @Test
    void afterFlashEndTheLoaderNoLongerAnswers() throws Exception {
        Session s = start(EspChip.ESP32_C3, Faults.NONE);
        flash(s, at(0, random(100, 4)), C3_MAGIC, false, 115200);
        assertThrows(FlashException.class, () -> new EspClient(s.host(), 200).sync("reset"));
    }

    @Test
    void slipEscapesTheDelimiterAndTheEscape() throws Exception {
        byte[] packet = {1, (byte) 0xC0, 2, (byte) 0xDB, 3};
        byte[] framed = Slip.frame(packet);
        assertArrayEquals(new byte[] {(byte) 0xC0, 1, (byte) 0xDB, (byte) 0xDC, 2, (byte) 0xDB, (byte) 0xDD, 3, (byte) 0xC0}, framed);
        SerialLink[] links = StreamLink.pair("a", "b");
        links[0].write(framed);
        assertArrayEquals(packet, ((Slip.Read.Packet) Slip.read(links[1], 1000)).bytes());
    }
}
