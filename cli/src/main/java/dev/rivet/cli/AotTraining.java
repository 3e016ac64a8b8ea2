package dev.rivet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the start-up cache: the {@code ./rivet} launcher runs this once with
 * {@code -XX:AOTCacheOutput} (JEP 483/514) after each rebuild of the jar, and every later start
 * maps the classes it loaded and linked, already parsed and verified, from the cache. It does
 * what users do most: the version, the board list, builds of a small program for Cortex-M and
 * RISC-V, and a run in the emulator (skipped quietly where libunicorn is missing). Its output
 * is thrown away; a command that fails only leaves its classes out of the cache.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("rivet-aot");
        try {
            Path program = dir.resolve("training.rs");
            Files.writeString(program, BenchPrograms.modules(300));
            String out = dir.resolve("out").toString(), src = program.toString();
            List<String[]> commands = List.of(
                    new String[] {"--version"},
                    new String[] {"boards"},
                    new String[] {"boards", "pico"},
                    new String[] {"build", "--target", "thumbv7m-none-eabi", "-o", out, src},
                    new String[] {"build", "--board", "pico", "-o", out, src},
                    new String[] {"build", "--target", "riscv32imc-unknown-none-elf", "-o", out, src},
                    new String[] {"run", "--target", "thumbv7m-none-eabi", src});
            for (String[] c : commands) {
                try {
                    Main.execute(c, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
                } catch (RuntimeException | LinkageError e) {
                    // not every machine can run everything (the emulator needs libunicorn): train on the rest
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
