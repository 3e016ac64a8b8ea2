package dev.rivet.boards;

import dev.rivet.ir.TargetTriple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All boards rivet knows: the built-in database (resources listed in {@code index.txt}) plus the
 * generic {@code virt-<target>} machines, which are made on demand.
 */
public final class BoardRegistry {
    /** Prefix of the generic emulated machines: {@code virt-thumbv7m-none-eabi}. */
    public static final String VIRT_PREFIX = "virt-";
    private static final String RESOURCE_DIR = "/dev/rivet/boards/";

    /** The database's files, in index order. */
    private final List<String> files;
    /** Boards by name, parsed on demand: a build for one board reads one file, and none for a virt machine. */
    private final Map<String, Board> boards = new LinkedHashMap<>();
    private boolean complete;

    private BoardRegistry(List<String> files) {
        this.files = files;
    }

    /** The boards shipped with rivet. */
    public static BoardRegistry builtin() {
        return new BoardRegistry(resource("index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }

    /** Every board of the database, parsed. */
    private Map<String, Board> parsed() {
        if (!complete) {
            Map<String, Board> all = new LinkedHashMap<>();
            for (String file : files) {
                Board b = BoardLoader.parse(file, resource(file));
                all.put(b.name(), b);
            }
            boards.clear();
            boards.putAll(all);
            complete = true;
        }
        return boards;
    }

    /** The board named {@code name}: its own file when one is named after it (as the index promises), else a search of all. */
    private Board named(String name) {
        Board known = boards.get(name);
        if (known != null || complete) return known;
        String file = name + ".toml";
        if (files.contains(file)) {
            Board b = BoardLoader.parse(file, resource(file));
            if (b.name().equals(name)) {
                boards.put(name, b);
                return b;
            }
        }
        return parsed().get(name);
    }

    private static String resource(String name) {
        try (InputStream in = BoardRegistry.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new BoardException("error: board database entry " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a user's own board file. */
    public static Board load(Path file) {
        try {
            return BoardLoader.parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new BoardException("error: cannot read board file " + file + ": " + e.getMessage());
        }
    }

    /** The built-in boards, sorted by name. */
    public List<Board> all() {
        return parsed().values().stream().sorted(Comparator.comparing(Board::name)).toList();
    }

    public Optional<Board> find(String name) {
        if (name.startsWith(VIRT_PREFIX))
            return TargetTriple.byTriple(name.substring(VIRT_PREFIX.length())).map(BoardRegistry::virt);
        return Optional.ofNullable(named(name));
    }

    /** Looks a board up by name; an unknown name gives an error that suggests the closest names. */
    public Board get(String name) {
        return find(name).orElseThrow(() -> new BoardException(unknownBoardMessage(name)));
    }

    private String unknownBoardMessage(String name) {
        List<String> candidates = new ArrayList<>(parsed().keySet());
        TargetTriple.triples().forEach(t -> candidates.add(VIRT_PREFIX + t));
        List<String> close = Suggestions.closest(name, candidates, 3);
        return "error: unknown board '" + name + "'"
                + (close.isEmpty() ? "" : "\nhelp: did you mean " + String.join(", ", close) + "?")
                + "\nhelp: `rivet boards` lists all boards";
    }

    /**
     * The generic emulated machine for a target: 1 MiB of flash and 256 KiB of RAM, console on
     * semihosting. Cortex-M machines put flash at 0 and RAM at 0x2000_0000 like real parts;
     * RISC-V machines put flash at 0x2000_0000 and RAM at 0x8000_0000 like SiFive's, so that
     * address 0 stays unmapped and null dereferences fault.
     */
    public static Board virt(TargetTriple target) {
        boolean arm = target.arch() == TargetTriple.Arch.ARM;
        long flash = arm ? 0x0000_0000L : 0x2000_0000L;
        long ram = arm ? 0x2000_0000L : 0x8000_0000L;
        Core core = Core.forVirt(target);
        List<MemoryRegion> memory = List.of(
                new MemoryRegion("FLASH", MemoryRegion.Kind.FLASH, flash, 1 << 20, "rx", List.of(), Optional.empty()),
                new MemoryRegion("RAM", MemoryRegion.Kind.RAM, ram, 256 << 10, "rwx", List.of(), Optional.empty()));
        Boot boot = arm ? new Boot.CortexM(flash, Boot.ImageRule.PLAIN, "")
                : new Boot.Riscv(flash, Boot.TrapScheme.MTVEC_DIRECT, Boot.ImageRule.PLAIN, "");
        return new Board(VIRT_PREFIX + target.triple(),
                "generic emulated " + core + " machine (emulator only)",
                new Chip("virt", "rivet", core, target, "rivet DESIGN.md: virt-<target>"),
                memory, List.of(), new Console.Semihosting(), Optional.empty(), boot,
                new Flashing.External("none", "a virtual machine exists only in the emulator"),
                List.of(ImageFormat.BIN));
    }
}
