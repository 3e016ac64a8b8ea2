package dev.rivet.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GNU objdump over raw bytes and returns its disassembly: the independent oracle for the
 * encoders. objdump is a test-only dependency (test.sh installs the binutils packages); a
 * missing objdump fails the test instead of skipping it.
 */
public final class Objdump {
    /** One disassembled instruction: offset, the encoding as objdump groups it, and the text with single spaces. */
    public record Line(long offset, String encoding, String text) {}

    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+((?:[0-9a-f]{4,8} ?)+)\\s+(.*)$");

    private Objdump() {}

    /**
     * Disassembles {@code code} as a raw binary with {@code tool}, passing {@code options}
     * (e.g. {@code -marm -Mforce-thumb}); {@code comment} starts objdump's trailing comments
     * ('@' for ARM, '#' for RISC-V), which are dropped.
     */
    public static List<Line> disassemble(String tool, char comment, byte[] code, String... options) throws IOException, InterruptedException {
        Path bin = Files.createTempFile("rivet-objdump", ".bin");
        try {
            Files.write(bin, code);
            List<String> cmd = new ArrayList<>(List.of(tool, "-D", "-b", "binary"));
            cmd.addAll(List.of(options));
            cmd.add(bin.toString());
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start(); // warnings must not split lines
            } catch (IOException e) {
                throw new AssertionError(tool + " is not installed (test.sh installs it): " + e.getMessage(), e);
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(tool + " failed:\n" + out);
            List<Line> lines = new ArrayList<>();
            for (String l : out.split("\n")) {
                Matcher m = LINE.matcher(l);
                if (!m.matches()) continue;
                String text = m.group(3);
                int c = text.indexOf("\t" + comment);
                if (c < 0) c = text.indexOf(" " + comment + " ");
                if (c >= 0) text = text.substring(0, c);
                text = text.replaceAll("\\s+", " ").trim();
                lines.add(new Line(Long.parseLong(m.group(1), 16), m.group(2).trim(), text));
            }
            return lines;
        } finally {
            Files.deleteIfExists(bin);
        }
    }
}
