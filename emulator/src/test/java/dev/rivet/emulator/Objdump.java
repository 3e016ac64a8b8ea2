package dev.rivet.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs GNU objdump (a test-only dependency that ./test.sh installs) over raw bytes and checks
 * that each hand-encoded instruction disassembles to its expected text.
 */
final class Objdump {
    enum Isa {
        THUMB("arm-none-eabi-objdump", "\\s+@.*$", "-m", "arm", "-M", "force-thumb"),
        RISCV32("riscv64-unknown-elf-objdump", "\\s+#.*$", "-m", "riscv:rv32", "-M", "no-aliases");

        final String tool;
        /** How objdump marks a trailing comment in this ISA's syntax. */
        final String comment;
        final List<String> args;

        Isa(String tool, String comment, String... args) {
            this.tool = tool;
            this.comment = comment;
            this.args = List.of(args);
        }
    }

    private Objdump() {}

    /** Disassembles {@code code}'s bytes and asserts every instruction's text. */
    static void check(Isa isa, Code code) throws IOException, InterruptedException {
        Map<Long, String> listing = disassemble(isa, code.bytes(), code.base());
        for (Code.Insn insn : code.insns()) {
            String actual = listing.get(insn.address());
            assertNotNull(actual, String.format("objdump printed nothing at 0x%x", insn.address()));
            assertEquals(insn.text(), actual, String.format("encoding at 0x%x", insn.address()));
        }
    }

    /** Address to "mnemonic operands" (whitespace normalised, comments dropped). */
    static Map<Long, String> disassemble(Isa isa, byte[] bytes, long base) throws IOException, InterruptedException {
        Path file = Files.createTempFile("rivet-objdump", ".bin");
        try {
            Files.write(file, bytes);
            List<String> cmd = new java.util.ArrayList<>(List.of(isa.tool, "-D", "-b", "binary"));
            cmd.addAll(isa.args);
            cmd.add(String.format("--adjust-vma=0x%x", base));
            cmd.add(file.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IOException(isa.tool + " failed:\n" + out);
            Map<Long, String> result = new HashMap<>();
            for (String line : out.lines().toList()) {
                String[] cols = line.split("\t");
                if (cols.length < 3 || !cols[0].trim().endsWith(":")) continue;
                long addr = Long.parseLong(cols[0].trim().replace(":", ""), 16);
                String text = String.join(" ", java.util.Arrays.copyOfRange(cols, 2, cols.length));
                text = text.replaceAll(isa.comment, "").replaceAll("\\s+", " ").trim();
                result.put(addr, text);
            }
            return result;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
