package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.cli.Compiler;
import dev.rivet.cli.Firmware;
import dev.rivet.codegen.asm.Disassembler;
import dev.rivet.codegen.riscv.RvDisassembler;
import dev.rivet.codegen.thumb.ThumbDisassembler;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.Section;
import dev.rivet.linker.elf.RelocatableWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disassemblers behind {@code --emit asm} read every instruction of every conformance
 * program, on every ISA variant, as GNU objdump (the oracle) reads the same object:
 * {@code arm-none-eabi-objdump -d} and {@code riscv64-unknown-elf-objdump -d -M no-aliases}.
 */
class DisassemblerCrossCheckTest {
    private static final List<String> TARGETS = List.of("thumbv6m-none-eabi", "thumbv7m-none-eabi", "thumbv7em-none-eabi",
            "riscv32imc-unknown-none-elf", "riscv32ec-unknown-none-elf", "riscv32i-unknown-none-elf");
    private static final Pattern SECTION = Pattern.compile("^Disassembly of section (\\S+):$");
    private static final Pattern INSN = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]{4}(?: [0-9a-f]{4})?|[0-9a-f]{8})\\s*\\t(.*)$");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyInstructionReadsAsObjdumpReadsIt() {
        return TARGETS.stream().map(target -> DynamicTest.dynamicTest(target, () -> {
            Board board = Firmware.selectBoard(null, target);
            boolean arm = board.target().arch() == TargetTriple.Arch.ARM;
            Disassembler dis = arm ? new ThumbDisassembler() : new RvDisassembler();
            int checked = 0;
            List<String> mismatches = new ArrayList<>();
            for (Programs.Program p : Programs.all()) {
                StringWriter diag = new StringWriter();
                Firmware.Built fw = Firmware.build(p.source(), board, new PrintWriter(diag));
                assertNotNull(fw, diag::toString);
                Path obj = tmp.resolve(target + "-" + p.name() + ".o");
                Files.write(obj, RelocatableWriter.write(fw.object(), Compiler.elfFlags(board.target())));
                Map<String, Map<Long, String>> theirs = objdump(arm, obj);
                for (Section s : fw.object().sections) {
                    if (s.kind != Section.Kind.TEXT) continue;
                    Map<Long, String> expected = theirs.getOrDefault(s.name, Map.of());
                    for (int[] range : codeRanges(s)) {
                        for (int at = range[0]; at < range[1]; ) {
                            Disassembler.Insn insn = dis.decode(s.data, at);
                            String want = expected.get((long) at), ours = normalise(insn.text());
                            if (want != null && relocated(s, at) && insn.target() >= 0) { // objdump shows the relocation's symbol
                                want = want.substring(0, want.lastIndexOf(' ') + 1);
                                ours = ours.substring(0, ours.lastIndexOf(' ') + 1);
                            }
                            if (want == null && zerosToEnd(s.data, at)) break; // objdump shows a zero tail as "..."
                            checked++;
                            if (want == null || !want.equals(ours))
                                mismatches.add(p.name() + " " + s.name + "+0x" + Integer.toHexString(at) + ": ours `" + ours
                                        + "`, objdump `" + want + "`");
                            at += insn.length();
                        }
                    }
                }
            }
            assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + checked + " differ:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
            assertTrue(checked > 1000, "only " + checked + " instructions checked");
        }));
    }

    private static boolean zerosToEnd(byte[] d, int from) {
        for (int k = from; k < d.length; k++) if (d[k] != 0) return false;
        return true;
    }

    private static boolean relocated(Section s, int at) {
        for (dev.rivet.linker.Reloc r : s.relocs) if (r.offset() == at) return true;
        return false;
    }

    private static List<int[]> codeRanges(Section s) {
        List<int[]> ranges = new ArrayList<>();
        List<Section.Mapping> m = s.mapping;
        for (int k = 0; k < m.size(); k++) {
            if (m.get(k).kind() != 'c') continue;
            int end = k + 1 < m.size() ? (int) m.get(k + 1).offset() : s.data.length;
            ranges.add(new int[] {(int) m.get(k).offset(), end});
        }
        if (m.isEmpty()) ranges.add(new int[] {0, s.data.length});
        return ranges;
    }

    /** objdump's text without its comments and symbolic targets, spaces collapsed. */
    static String normalise(String text) {
        return text.replaceAll("\\s*[@#] .*$", "").replaceAll(" <[^>]*>", "").replaceAll("\\s+", " ").trim();
    }

    private static Map<String, Map<Long, String>> objdump(boolean arm, Path obj) throws Exception {
        List<String> cmd = arm ? List.of("arm-none-eabi-objdump", "-d", obj.toString())
                : List.of("riscv64-unknown-elf-objdump", "-d", "-z", "-M", "no-aliases", obj.toString());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
        Map<String, Map<Long, String>> bySection = new HashMap<>();
        Map<Long, String> current = null;
        for (String line : out.split("\n")) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                current = bySection.computeIfAbsent(s.group(1), k -> new HashMap<>());
                continue;
            }
            Matcher i = INSN.matcher(line);
            if (current != null && i.matches()) current.put(Long.parseLong(i.group(1), 16), normalise(i.group(3)));
        }
        return bySection;
    }
}
