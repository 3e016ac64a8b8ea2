package dev.rivet.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.ir.Golden;
import dev.rivet.ir.Module;
import dev.rivet.ir.Parser;
import dev.rivet.ir.TargetTriple;
import dev.rivet.ir.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Text in, text out for the machine passes, shared by the back ends' tests: each {@code NAME.ir}
 * starts with {@code ; target: TRIPLE} and {@code ; dump: PASS, PASS} (names from
 * {@link CodeGenerator#PASSES}, or {@code emit} for the object's listing); the machine code of
 * every function after each named pass must equal {@code NAME.expected}. {@code -Dbless=true}
 * rewrites the expectations.
 */
public final class MachinePassGolden {
    private MachinePassGolden() {}

    public static Stream<DynamicTest> tests(Path dir, Function<TargetTriple, Backend> backends) {
        return Golden.files(dir, ".ir").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            TargetTriple target = TargetTriple.byTriple(header(text, "target")).orElseThrow();
            List<String> passes = List.of(header(text, "dump").split("\\s*,\\s*"));
            Module m = Parser.parse(text);
            Verifier.verify(m);
            List<String> dumps = new ArrayList<>();
            Backend backend = backends.apply(target);
            dev.rivet.linker.ObjectFile obj = new CodeGenerator(backend, new LinkedHashSet<>(passes),
                    (pass, listing) -> dumps.add("; after " + pass + "\n" + listing)).generate(m, file.getFileName().toString());
            if (passes.contains("emit"))
                dumps.add("; emitted\n" + dev.rivet.codegen.asm.Listing.of(obj, backend.disassembler(), target.triple(), (f, l) -> null));
            Golden.check(Golden.sibling(file, ".expected"), String.join("\n", dumps));
        }));
    }

    private static String header(String text, String key) {
        String prefix = "; " + key + ":";
        String line = text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        assertTrue(line != null, "the file must have a '" + prefix + " ...' line");
        return line.substring(prefix.length()).trim();
    }
}
