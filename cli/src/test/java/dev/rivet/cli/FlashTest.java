package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.flasher.Ports;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.stm32.Faults;
import dev.rivet.flasher.stm32.Stm32Chip;
import dev.rivet.flasher.stm32.Stm32Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rivet flash` over a pseudo-terminal pair (socat) to rivet's STM32 bootloader simulator, and
 * the simulator checked with a real client, stm32flash (both test-only dependencies).
 */
class FlashTest {
    @TempDir
    Path tmp;
    Process socat;
    String device, host;
    Stm32Simulator sim;
    Thread simThread;

    @BeforeEach
    void ptyPairWithSimulator() throws Exception {
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
        SerialLink link = Ports.openFile(device);
        sim = new Stm32Simulator(link, Stm32Chip.byProductId(0x410).orElseThrow(), Faults.NONE);
        simThread = Thread.ofPlatform().daemon().start(() -> {
            try {
                sim.serve();
            } catch (java.io.IOException e) {
                // the pty closed
            }
        });
    }

    @AfterEach
    void stop() {
        socat.destroy();
    }

    private Path program() throws Exception {
        Path src = tmp.resolve("blink.rs");
        Files.writeString(src, "static mut N: u32 = 7;\nfn main() {\n    unsafe { N += 1; println!(\"{}\", N); }\n}\n");
        return src;
    }

    @Test
    void rivetFlashWritesVerifiesAndStarts() throws Exception {
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
        CliRunner r = CliRunner.run("flash", "--board", "blackpill-f411", "--port", host, program().toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("product id 0x410") && r.err().contains("--force"), r.err());
    }

    /** stm32flash, the reference client, writes, verifies and reads back through the simulator. */
    @Test
    void stm32flashTalksToTheSimulator() throws Exception {
        byte[] image = new byte[3000];
        new java.util.Random(9).nextBytes(image);
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
