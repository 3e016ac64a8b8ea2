package dev.rivet.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built rivet jar in its own JVM, as the README's commands do, and captures what it prints. */
record Rivet(int status, String out, String err) {
    static final Path JAR = Path.of("../cli/target/rivet.jar");
    static final Path EXAMPLES = Path.of(".");

    static Rivet run(String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build the cli module first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("rivet-out", ".txt"), err = Files.createTempFile("rivet-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(EXAMPLES.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("rivet " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Rivet(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** For assertion messages. */
    String describe() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
