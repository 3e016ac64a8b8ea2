import dev.rivet.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds every .rs file given (files or directories of them) for every board of the conformance
 * suite with `rivet build --board B -o OUT/B/NAME`, in one JVM; scripts/check-identical-output.sh
 * compares two such trees. Run with the source launcher:
 * java -cp cli/target/rivet.jar scripts/BuildEvery.java OUT INPUT...
 */
public class BuildEvery {
    static final List<String> BOARDS = List.of("pico", "lm3s6965evb", "blackpill-f411", "esp32c3-devkitm", "hifive1-revb",
            "ch32v003-evt", "virt-riscv32i-unknown-none-elf");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Path> inputs = new java.util.ArrayList<>();
        for (int k = 1; k < args.length; k++) {
            Path p = Path.of(args[k]);
            if (Files.isDirectory(p)) try (Stream<Path> s = Files.list(p)) { s.filter(f -> f.toString().endsWith(".rs")).sorted().forEach(inputs::add); }
            else inputs.add(p);
        }
        int failed = 0;
        for (Path in : inputs)
            for (String board : BOARDS) {
                String name = in.getFileName().toString().replaceFirst("\\.rs$", "");
                StringWriter err = new StringWriter();
                int status = Main.execute(new String[] {"build", "--board", board, "--emit", "elf", "-o", out.resolve(board).resolve(name).toString(),
                    in.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
                if (status != 0) {
                    // a program too big for a small board fails the same way before and after: record the message
                    Files.createDirectories(out.resolve(board));
                    Files.writeString(out.resolve(board).resolve(name + ".failed"), err.toString().replaceAll("(?m)^.*Compiling.*\n", ""));
                    failed++;
                }
            }
        System.err.println(inputs.size() + " programs, " + BOARDS.size() + " boards, " + failed + " builds failed (recorded)");
    }
}
