package dev.rivet.linker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The GNU binutils the linker tests use as oracles (test-only; rivet itself never runs them). */
record GnuTools(String prefix, List<String> asFlags, List<String> ldFlags) {
    static GnuTools forTarget(String target) {
        return switch (target) {
            case "arm" -> new GnuTools("arm-none-eabi-", List.of("-mthumb"), List.of());
            case "riscv" -> new GnuTools("riscv64-unknown-elf-", List.of("-march=rv32imc", "-mabi=ilp32"), List.of("-m", "elf32lriscv"));
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }

    Path assemble(Path source, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve(source.getFileName().toString().replaceAll("\\.s$", ".o"));
        List<String> cmd = new ArrayList<>(List.of(prefix + "as"));
        cmd.addAll(asFlags);
        cmd.addAll(List.of("-o", out.toString(), source.toString()));
        run(cmd);
        return out;
    }

    /** GNU ld with the same script and --gc-sections. */
    Path link(List<Path> objects, Path script, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("gnu.elf");
        List<String> cmd = new ArrayList<>(List.of(prefix + "ld"));
        cmd.addAll(ldFlags);
        cmd.addAll(List.of("--gc-sections", "-T", script.toString(), "-o", out.toString()));
        for (Path o : objects) cmd.add(o.toString());
        run(cmd);
        return out;
    }

    byte[] binary(Path elf, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("gnu.bin");
        run(List.of(prefix + "objcopy", "-O", "binary", elf.toString(), out.toString()));
        return Files.readAllBytes(out);
    }

    String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }
}
