package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.flasher.Faults;
import dev.rivet.flasher.FlashImage;
import dev.rivet.flasher.Ports;
import dev.rivet.flasher.Progress;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.esp.EspChip;
import dev.rivet.flasher.esp.EspClient;
import dev.rivet.flasher.esp.EspFlasher;
import dev.rivet.flasher.esp.EspSimulator;
import dev.rivet.flasher.stm32.Stm32Chip;
import dev.rivet.flasher.stm32.Stm32Client;
import dev.rivet.flasher.stm32.Stm32Flasher;
import dev.rivet.flasher.stm32.Stm32Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flashing over a pseudo-terminal pair (socat) to rivet's bootloader simulators: `rivet flash`,
 * the flashers with images from 1 KiB to 128 KiB, `rivet sim`, and the STM32 simulator checked
 * with a real client, stm32flash (socat and stm32flash are test-only dependencies).
 */
class FlashTest {
    @TempDir
    Path tmp;
    Process socat;
    String device, host;

    @BeforeEach
    void ptyPair() throws Exception {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").redirectErrorStream(true).start();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8));
        Pattern pty = Pattern.compile("(/dev/pts/\\d+)");
        for (String line; (host == null) && (line = reader.readLine()) != null; ) {
            Matcher m = pty.matcher(line);
            if (m.find()) {
                if (device == null) device = m.group(1);
                else host = m.group(1);
            }
        }
        assertNotNull(host, "socat made two pseudo-terminals");
    }

    @AfterEach
    void stop() {
        socat.destroy();
    }

    private interface Serve { void run() throws java.io.IOException; }

    private static void background(Serve serve) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                serve.run();
            } catch (java.io.IOException e) {
                // the pty closed
            }
        });
    }

    private Stm32Simulator stm32Sim() throws Exception {
        Stm32Simulator sim = new Stm32Simulator(Ports.openFile(device), Stm32Chip.byProductId(0x410).orElseThrow(), Faults.NONE);
        background(sim::serve);
        return sim;
    }

    private EspSimulator espSim(String faults) throws Exception {
        EspSimulator sim = new EspSimulator(Ports.openFile(device), EspChip.ESP32_C3, Faults.parse(faults), line -> { });
        background(sim::serve);
        return sim;
    }

    private Path program() throws Exception {
        Path src = tmp.resolve("blink.rs");
        Files.writeString(src, "static mut N: u32 = 7;\nfn main() {\n    unsafe { N += 1; println!(\"{}\", N); }\n}\n");
        return src;
    }

    @Test
    void rivetFlashWritesVerifiesAndStartsAnStm32() throws Exception {
        Stm32Simulator sim = stm32Sim();
        CliRunner build = CliRunner.run("build", "--board", "bluepill", "-o", tmp.resolve("fw").toString(), program().toString());
        assertEquals(0, build.status(), build.err());
        byte[] bin = Files.readAllBytes(tmp.resolve("fw.bin"));
        CliRunner r = CliRunner.run("flash", "--board", "bluepill", "--port", host, tmp.resolve("fw.elf").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("    verifying…") && r.err().contains("verified; started"), r.err());
        assertArrayEquals(bin, Arrays.copyOf(sim.flash(), bin.length));
        assertEquals(0x0800_0000L, sim.startedAt());
    }

    @Test
    void aChipOfAnotherKindIsRefused() throws Exception {
        stm32Sim();
        CliRunner r = CliRunner.run("flash", "--board", "blackpill-f411", "--port", host, program().toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("product id 0x410") && r.err().contains("--force"), r.err());
    }

    /** The ROM image `rivet build` writes as NAME.bin goes to flash offset 0, checked by MD5, then the chip reboots. */
    @Test
    void rivetFlashWritesTheEspRomImage() throws Exception {
        EspSimulator sim = espSim("corrupt:100,stall:9");
        CliRunner build = CliRunner.run("build", "--board", "esp32c3-devkitm", "-o", tmp.resolve("fw").toString(), program().toString());
        assertEquals(0, build.status(), build.err());
        byte[] image = Files.readAllBytes(tmp.resolve("fw.bin"));
        CliRunner r = CliRunner.run("flash", "--board", "esp32c3-devkitm", "--port", host, tmp.resolve("fw.elf").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("no DTR/RTS") && r.err().contains("switching to 460800 baud") && r.err().contains("verifying (MD5)"), r.err());
        assertArrayEquals(image, Arrays.copyOf(sim.flash(), image.length));
        assertEquals(Boolean.TRUE, sim.rebooted());
    }

    @Test
    void imagesFromOneTo128KibReachEachSimulatorIntact() throws Exception {
        for (String protocol : List.of("stm32", "esp"))
            for (int kib : new int[] {1, 128}) {
                byte[] data = new byte[kib * 1024];
                new Random(kib).nextBytes(data);
                byte[] flash = flashOverPty(protocol, data);
                assertArrayEquals(data, Arrays.copyOf(flash, data.length), protocol + ", " + kib + " KiB");
                stop(); // a fresh pair for the next image: the simulator stops answering once the program starts
                device = host = null;
                ptyPair();
            }
    }

    /** Flashes {@code data} at the start of flash through the flasher API; returns the simulator's flash. */
    private byte[] flashOverPty(String protocol, byte[] data) throws Exception {
        try (SerialLink link = Ports.openFile(host)) {
            if (protocol.equals("stm32")) {
                Stm32Simulator sim = stm32Sim();
                new Stm32Flasher(new Stm32Client(link), Progress.NONE).flash(new FlashImage(List.of(new FlashImage.Segment(0x0800_0000L, data))),
                        new Stm32Flasher.Options(0x410, false, true, true, false, "BOOT0"));
                return sim.flash();
            }
            EspSimulator sim = espSim("");
            new EspFlasher(new EspClient(link), Progress.NONE).flash(new FlashImage(List.of(new FlashImage.Segment(0, data))),
                    new EspFlasher.Options(EspChip.ESP32_C3.magic(), false, true, true, 115200, 115200, 4L << 20, "BOOT"));
            return sim.flash();
        }
    }

    /** `rivet sim esp` serves `rivet flash`, says what it received, and dumps its flash. */
    @Test
    void theSimCommandServesAndDumpsItsFlash() throws Exception {
        Path dump = tmp.resolve("flash.bin");
        var simErr = new java.io.StringWriter();
        Thread simThread = Thread.ofPlatform().daemon().start(() -> Main.execute(
                new String[] {"sim", "esp", "--port", device, "--dump", dump.toString()}, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(simErr, true)));
        CliRunner build = CliRunner.run("build", "--board", "esp32c3-devkitm", "-o", tmp.resolve("fw").toString(), program().toString());
        assertEquals(0, build.status(), build.err());
        CliRunner r = CliRunner.run("flash", "--board", "esp32c3-devkitm", "--port", host, "--baud", "115200", tmp.resolve("fw.elf").toString());
        assertEquals(0, r.status(), r.err());
        for (int i = 0; i < 100 && !Files.exists(dump); i++) Thread.sleep(50);
        byte[] image = Files.readAllBytes(tmp.resolve("fw.bin"));
        assertArrayEquals(image, Arrays.copyOf(Files.readAllBytes(dump), image.length));
        String log = simErr.toString();
        assertTrue(log.contains("simulating ESP32-C3") && log.contains("SYNC: line rate locked") && log.contains("FLASH_DATA 0:")
                && log.contains("FLASH_END: reboot"), log);
        socat.destroy();
        simThread.join(10_000);
    }

    @Test
    void aUf2BoardIsFlashedByCopyingToItsDrive() throws Exception {
        Path drive = Files.createDirectories(tmp.resolve("RPI-RP2"));
        CliRunner notADrive = CliRunner.run("flash", "--board", "pico", "--volume", drive.toString(), program().toString());
        assertEquals(1, notADrive.status(), notADrive.err());
        assertTrue(notADrive.err().contains("no INFO_UF2.TXT"), notADrive.err());
        Files.writeString(drive.resolve("INFO_UF2.TXT"), "UF2 Bootloader v3.0\nBoard-ID: RPI-RP2\n");
        CliRunner r = CliRunner.run("flash", "--board", "pico", "--volume", drive.toString(), program().toString());
        assertEquals(0, r.status(), r.err());
        CliRunner build = CliRunner.run("build", "--board", "pico", "-o", tmp.resolve("fw").toString(), program().toString());
        assertEquals(0, build.status(), build.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("fw.uf2")), Files.readAllBytes(drive.resolve("blink.uf2")));
        assertTrue(r.err().contains("copied to " + drive.resolve("blink.uf2")), r.err());
    }

    /** stm32flash, the reference client, writes, verifies and reads back through the simulator. */
    @Test
    void stm32flashTalksToTheSimulator() throws Exception {
        Stm32Simulator sim = new Stm32Simulator(Ports.openFile(device), Stm32Chip.byProductId(0x410).orElseThrow(), Faults.NONE);
        background(sim::serve);
        byte[] image = new byte[3000];
        new Random(9).nextBytes(image);
        Path in = tmp.resolve("in.bin"), back = tmp.resolve("back.bin");
        Files.write(in, image);
        // a pseudo-terminal cannot take even parity: -m 8n1 (the simulator does not see framing)
        run("stm32flash", "-b", "115200", "-m", "8n1", "-w", in.toString(), "-v", "-S", "0x08000000", host);
        assertArrayEquals(image, Arrays.copyOf(sim.flash(), image.length));
        run("stm32flash", "-b", "115200", "-m", "8n1", "-r", back.toString(), "-S", "0x08000000:3000", host);
        assertArrayEquals(image, Files.readAllBytes(back));
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    }
}
