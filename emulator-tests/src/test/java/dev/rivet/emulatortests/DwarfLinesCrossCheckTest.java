package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import dev.rivet.cli.Compiler;
import dev.rivet.cli.Firmware;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.Section;
import dev.rivet.linker.elf.ExecutableWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELF's DWARF line table says what rivet's own line rows say: GNU addr2line (the oracle)
 * maps the address of every row of every conformance program to the same file and line.
 */
class DwarfLinesCrossCheckTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> addr2lineReadsTheLineTable() {
        return Stream.of("lm3s6965evb", "pico", "hifive1-revb", "ch32v003-evt").map(boardName -> DynamicTest.dynamicTest(boardName, () -> {
            Board board = BoardRegistry.builtin().get(boardName);
            boolean arm = board.target().arch() == dev.rivet.ir.TargetTriple.Arch.ARM;
            int rows = 0;
            for (Programs.Program p : Programs.all()) {
                StringWriter diag = new StringWriter();
                Firmware.Built fw = Firmware.build(p.source(), board, new PrintWriter(diag, true));
                assertNotNull(fw, diag::toString);
                Path elf = tmp.resolve(boardName + "-" + p.name() + ".elf");
                Files.write(elf, ExecutableWriter.write(fw.image(), Compiler.elfFlags(board.target())));
                List<Long> addresses = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (LinkedImage.OutputSection s : fw.image().sections())
                    for (LinkedImage.Placement pl : s.placements())
                        for (Section.Line l : pl.lines()) {
                            addresses.add(pl.address() + l.offset());
                            expected.add(l.file() + ":" + l.line());
                        }
                List<String> got = addr2line(arm ? "arm-none-eabi-addr2line" : "riscv64-unknown-elf-addr2line", elf, addresses);
                assertEquals(expected.size(), got.size(), p.name());
                for (int k = 0; k < expected.size(); k++)
                    assertEquals(expected.get(k), got.get(k).replaceFirst(" \\(discriminator \\d+\\)$", ""),
                            p.name() + " at 0x" + Long.toHexString(addresses.get(k)));
                rows += expected.size();
            }
            assertTrue(rows > 1000, "only " + rows + " rows checked");
        }));
    }

    private static List<String> addr2line(String tool, Path elf, List<Long> addresses) throws Exception {
        Process proc = new ProcessBuilder(tool, "-e", elf.toString()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (var in = proc.getOutputStream()) {
            StringBuilder sb = new StringBuilder();
            for (long a : addresses) sb.append("0x").append(Long.toHexString(a)).append('\n');
            in.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), tool + " did not finish");
        return out.get().lines().toList();
    }
}
