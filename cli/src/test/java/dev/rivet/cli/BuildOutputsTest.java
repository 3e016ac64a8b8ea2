package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rivet build` writes the files each board's flashing path needs, checked against GNU
 * objcopy and readelf (test-only oracles) and against the UF2 and ESP image specifications.
 */
class BuildOutputsTest {
    /** Initialised statics (.data loaded from flash), zeroed ones (.bss), constants and code. */
    static final String PROGRAM = """
            static mut COUNTER: u32 = 0x1234_5678;
            static mut ZEROED: [u32; 8] = [0; 8];
            static TABLE: [u16; 5] = [1, 1, 2, 3, 5];

            fn main() {
                unsafe {
                    COUNTER += TABLE[4] as u32;
                    ZEROED[3] = COUNTER;
                    println!("{:#x} {}", COUNTER, ZEROED[3] & 0xff);
                }
            }
            """;

    @TempDir
    Path tmp;

    private Path program() throws IOException {
        Path src = tmp.resolve("data.rs");
        Files.writeString(src, PROGRAM);
        return src;
    }

    private Path build(String board, String name) throws IOException {
        Path base = tmp.resolve(board).resolve(name);
        CliRunner r = CliRunner.run("build", "--board", board, "-o", base.toString(), program().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("    Finished flash "), r.err());
        return base;
    }

    @TestFactory
    Stream<DynamicTest> binAndHexMatchObjcopy() {
        return Stream.of("bluepill", "pico", "nrf52840-dk", "microbit-v2", "longan-nano", "hifive1-revb", "ch32v003-evt")
                .map(board -> DynamicTest.dynamicTest(board, () -> {
                    Path base = build(board, "fw");
                    String objcopy = board.equals("longan-nano") || board.equals("hifive1-revb") || board.equals("ch32v003-evt")
                            ? "riscv64-unknown-elf-objcopy" : "arm-none-eabi-objcopy";
                    Path elf = sibling(base, ".elf");
                    Path bin = tmp.resolve(board + "-objcopy.bin"), hex = tmp.resolve(board + "-objcopy.hex");
                    run(objcopy, "-O", "binary", elf.toString(), bin.toString());
                    run(objcopy, "-O", "ihex", elf.toString(), hex.toString());
                    assertArrayEquals(Files.readAllBytes(bin), Files.readAllBytes(sibling(base, ".bin")), "bin for " + board);
                    assertEquals(Files.readString(hex), Files.readString(sibling(base, ".hex")), "hex for " + board);
                    String readelf = run("readelf", "-a", "-W", elf.toString());
                    assertFalse(readelf.toLowerCase().contains("warning"), readelf);
                    // .data is loaded from flash (its LMA) and runs in RAM (its VMA)
                    assertTrue(readelf.lines().anyMatch(l -> l.contains("LOAD") && !l.trim().split("\\s+")[2].equals(l.trim().split("\\s+")[3])),
                            "a segment whose physical address differs from its virtual one:\n" + readelf);
                }));
    }

    @Test
    void uf2BlocksCarryTheFamilyAndTheBinary() throws Exception {
        Path base = build("pico", "fw");
        byte[] bin = Files.readAllBytes(sibling(base, ".bin"));
        ByteBuffer uf2 = ByteBuffer.wrap(Files.readAllBytes(sibling(base, ".uf2"))).order(ByteOrder.LITTLE_ENDIAN);
        int blocks = uf2.capacity() / 512;
        assertEquals(0, uf2.capacity() % 512);
        assertEquals((bin.length + 255) / 256, blocks);
        for (int k = 0; k < blocks; k++) {
            int b = k * 512;
            assertEquals(0x0A324655, uf2.getInt(b));
            assertEquals(0x9E5D5157, uf2.getInt(b + 4));
            assertEquals(0x2000, uf2.getInt(b + 8), "family id present");
            assertEquals(0x10000000 + 256 * k, uf2.getInt(b + 12), "target address");
            assertEquals(256, uf2.getInt(b + 16));
            assertEquals(k, uf2.getInt(b + 20));
            assertEquals(blocks, uf2.getInt(b + 24));
            assertEquals(0xE48BFF56, uf2.getInt(b + 28), "RP2040 family");
            assertEquals(0x0AB16F30, uf2.getInt(b + 508));
            byte[] payload = Arrays.copyOfRange(uf2.array(), b + 32, b + 32 + 256);
            byte[] expected = Arrays.copyOf(Arrays.copyOfRange(bin, 256 * k, Math.min(bin.length, 256 * k + 256)), 256);
            assertArrayEquals(expected, payload, "block " + k);
        }
        // the boot2 stage the ROM checks: CRC-32/MPEG-2 of bytes 0..251 in the word at 252
        assertEquals(crc32Mpeg2(bin, 252), ByteBuffer.wrap(bin, 252, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void espImageFollowsTheRomFormat() throws Exception {
        Path base = build("esp32c3-devkitm", "fw");
        byte[] img = Files.readAllBytes(sibling(base, ".bin"));
        ByteBuffer b = ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xE9, img[0] & 0xFF);
        int segments = img[1];
        assertEquals(0x2F, img[3] & 0xFF, "4 MiB, 80 MHz");
        String readelf = run("readelf", "-h", "-l", "-W", sibling(base, ".elf").toString());
        long entry = Long.decode(readelf.lines().filter(l -> l.contains("Entry point address")).findFirst().orElseThrow().split(":")[1].trim());
        assertEquals(entry, b.getInt(4) & 0xFFFFFFFFL);
        assertEquals(5, b.getShort(12), "chip id ESP32-C3");
        assertEquals(1, img[23], "hash appended");
        int at = 24, checksum = 0xEF;
        for (int k = 0; k < segments; k++) {
            long address = b.getInt(at) & 0xFFFFFFFFL;
            int length = b.getInt(at + 4);
            assertEquals(0, length % 4);
            String hexAddress = String.format("0x%08x", address);
            assertTrue(readelf.lines().anyMatch(l -> l.contains("LOAD") && l.contains(hexAddress)), "segment at " + hexAddress + ":\n" + readelf);
            for (int i = 0; i < length; i++) checksum ^= img[at + 8 + i] & 0xFF;
            at += 8 + length;
        }
        int end = img.length - 32;
        assertEquals(15, (end - 1) % 16, "checksum is the last byte of a 16-byte block");
        assertEquals(checksum, img[end - 1] & 0xFF, "checksum");
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(img, end)), Arrays.copyOfRange(img, end, img.length));
    }

    @Test
    void outputsAreDeterministic() throws Exception {
        for (String board : List.of("pico", "esp32c3-devkitm")) {
            Path a = build(board, "a"), b = build(board, "b");
            for (String suffix : List.of(".elf", ".bin"))
                assertArrayEquals(Files.readAllBytes(sibling(a, suffix)), Files.readAllBytes(sibling(b, suffix)), board + suffix);
        }
    }

    @Test
    void withoutOutputTheFilesGoUnderTargetBoard() throws Exception {
        CliRunner r = CliRunner.run("build", "--board", "bluepill", "--emit", "elf,images,map", program().toString());
        assertEquals(0, r.status(), r.err());
        Path dir = tmp.resolve("target/bluepill");
        for (String f : List.of("data.elf", "data.bin", "data.hex", "data.map")) assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        String map = Files.readString(dir.resolve("data.map"));
        assertTrue(map.contains("Memory regions") && map.contains(".data") && map.contains(" COUNTER\n"), map);
    }

    private static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private static int crc32Mpeg2(byte[] data, int n) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < n; i++) {
            crc ^= (data[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = crc < 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }
}
