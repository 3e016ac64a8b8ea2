package dev.rivet.linker;

import dev.rivet.boards.Board;
import dev.rivet.boards.Boot;
import dev.rivet.boards.MemoryRegion;
import dev.rivet.linker.script.LinkerScript;
import dev.rivet.linker.script.ScriptParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The linker scripts rivet ships (resources of {@code linker-scripts/}) and the {@code memory.x}
 * it writes for a board from the board's memory map. A project may bring its own script or
 * memory.x instead; INCLUDEs look in the project directory first.
 */
public final class BoardScripts {
    private static final String DIR = "/dev/rivet/ldscripts/";

    private BoardScripts() {}

    /** The shipped script for the board's boot scheme. */
    public static String scriptName(Board b) {
        if (b.boot().image() == Boot.ImageRule.ESP32_IMAGE) return "esp32c3.ld";
        return b.boot() instanceof Boot.CortexM ? "cortex-m.ld" : "riscv.ld";
    }

    /** A {@code memory.x} with every region of the board, and FLASH/RAM aliases where the board names them otherwise. */
    public static String memoryX(Board b) {
        StringBuilder sb = new StringBuilder("/* memory.x for " + b.name() + ", written by rivet from its board file */\nMEMORY\n{\n");
        for (MemoryRegion r : b.memory())
            sb.append(String.format(Locale.ROOT, "  %s (%s) : ORIGIN = 0x%08X, LENGTH = 0x%X%n", r.name(), r.attributes(), r.origin(), r.length()));
        sb.append("}\n");
        boolean hasFlash = b.memory().stream().anyMatch(r -> r.name().equals("FLASH"));
        boolean hasRam = b.memory().stream().anyMatch(r -> r.name().equals("RAM"));
        for (MemoryRegion r : b.memory()) {
            if (!r.isStorage()) continue;
            if (!hasFlash && r.kind() == MemoryRegion.Kind.FLASH) {
                sb.append("REGION_ALIAS(\"FLASH\", ").append(r.name()).append(");\n");
                hasFlash = true;
            }
            if (!hasRam && r.kind() == MemoryRegion.Kind.RAM) {
                sb.append("REGION_ALIAS(\"RAM\", ").append(r.name()).append(");\n");
                hasRam = true;
            }
        }
        return sb.toString();
    }

    /**
     * Parses the script for {@code board}: {@code script} if given (a project's own), else the
     * shipped one; INCLUDE finds files in {@code dir} (when given), then the board's memory.x,
     * then the shipped scripts.
     */
    public static LinkerScript load(Board board, Path script, Path dir) {
        ScriptParser.Source main = script != null ? read(script) : new ScriptParser.Source(scriptName(board), resource(scriptName(board)));
        return ScriptParser.parse(main, name -> {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) return read(dir.resolve(name));
            if (name.equals("memory.x")) return new ScriptParser.Source("memory.x (board " + board.name() + ")", memoryX(board));
            String text = resource(name);
            return text == null ? null : new ScriptParser.Source(name, text);
        });
    }

    private static ScriptParser.Source read(Path p) {
        try {
            return new ScriptParser.Source(p.toString(), Files.readString(p));
        } catch (IOException e) {
            throw new LinkException("cannot read linker script " + p + ": " + e.getMessage());
        }
    }

    /** The text of a shipped script, or null. */
    public static String resource(String name) {
        try (InputStream in = BoardScripts.class.getResourceAsStream(DIR + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
