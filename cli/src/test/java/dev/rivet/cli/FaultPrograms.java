package dev.rivet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test programs under {@code /faults} in the test resources, and the places the CLI tests run them. */
final class FaultPrograms {
    /** One board or target per ISA variant, with ch32v003 for a core that runs its flash from an alias at 0. */
    static final String[] PLACES = {"--board=lm3s6965evb", "--board=pico", "--board=blackpill-f411", "--board=esp32c3-devkitm",
        "--board=hifive1-revb", "--board=ch32v003-evt", "--target=riscv32i-unknown-none-elf"};

    private FaultPrograms() {}

    /** {@code name} copied into {@code dir} (once), so that diagnostics name a real file. */
    static Path copy(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        if (Files.exists(p)) return p;
        try (InputStream in = FaultPrograms.class.getResourceAsStream("/faults/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }
}
