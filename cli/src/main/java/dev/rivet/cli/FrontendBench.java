package dev.rivet.cli;

import dev.rivet.frontend.Frontend;
import dev.rivet.runtime.RuntimeSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Front-end throughput: parse, resolve, type-check and lower a program plus the runtime
 * library, then run the standard IR passes, over and over in one JVM. The first seconds warm
 * the JIT up and are not counted. Prints source lines per second, counting the program's lines
 * and the runtime's (which every build compiles too). A benchmark, not a test: machines differ.
 *
 * <pre>java -cp rivet.jar dev.rivet.cli.FrontendBench FILE.rs [SECONDS]</pre>
 */
public final class FrontendBench {
    private FrontendBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FrontendBench FILE.rs [SECONDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long programLines = Files.readAllLines(file).size();
        long runtimeLines = runtimeLines();
        run(file, seconds / 2); // warm-up
        long start = System.nanoTime();
        int builds = run(file, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double perBuild = elapsed / builds;
        System.out.printf("%s: %d program + %d runtime lines, %d builds in %.2f s: %.2f ms a build, %.0f lines/s%n",
                file.getFileName(), programLines, runtimeLines, builds, elapsed, perBuild * 1e3,
                (programLines + runtimeLines) / perBuild);
    }

    /** Builds (front end and IR passes) until {@code seconds} have passed; returns how many. */
    private static int run(Path file, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        do {
            Frontend.Output out = Compiler.compile(file, null, null, false);
            if (out.module() == null) throw new IllegalStateException(out.diagnostics().render());
            n++;
        } while (System.nanoTime() < end);
        return n;
    }

    /** lib.rs and the files its {@code mod NAME;} lines name (a generated uart.rs is not among the resources). */
    private static long runtimeLines() {
        String lib = RuntimeSources.read("lib.rs").orElseThrow();
        long n = lib.lines().count();
        java.util.regex.Matcher mod = java.util.regex.Pattern.compile("(?m)^\\s*(?:pub\\s+)?mod\\s+(\\w+);").matcher(lib);
        while (mod.find()) n += RuntimeSources.read(mod.group(1) + ".rs").map(t -> t.lines().count()).orElse(0L);
        return n;
    }
}
