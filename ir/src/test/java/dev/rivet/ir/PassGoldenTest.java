package dev.rivet.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.ir.pass.Dce;
import dev.rivet.ir.pass.GlobalDce;
import dev.rivet.ir.pass.Inline;
import dev.rivet.ir.pass.Mem2Reg;
import dev.rivet.ir.pass.Pass;
import dev.rivet.ir.pass.PassManager;
import dev.rivet.ir.pass.Sccp;
import dev.rivet.ir.pass.SimplifyCfg;
import dev.rivet.ir.pass.Sroa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Text in, text out: each {@code passes/NAME.ir} names the passes to run in its first line
 * ({@code ; passes: sroa, mem2reg}); the result must equal {@code NAME.expected}. The verifier
 * runs after every pass.
 */
class PassGoldenTest {
    static final Path DIR = Path.of("src/test/resources/passes");

    @TestFactory
    Stream<DynamicTest> passes() {
        return Golden.files(DIR, ".ir").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            Module m = Parser.parse(text);
            Verifier.verify(m);
            List<PassManager.Entry> list = new ArrayList<>();
            for (String name : header(text)) list.add(new PassManager.Entry(pass(name), "test"));
            PassManager.run(m, list, true, null, null);
            Golden.check(Golden.sibling(file, ".expected"), Printer.print(m));
        }));
    }

    static List<String> header(String text) {
        String first = text.lines().findFirst().orElse("");
        assertTrue(first.startsWith("; passes:"), "first line must be '; passes: ...'");
        return List.of(first.substring("; passes:".length()).trim().split("\\s*,\\s*"));
    }

    static Pass pass(String name) {
        return switch (name) {
            case "sroa" -> new Sroa();
            case "mem2reg" -> new Mem2Reg();
            case "sccp" -> new Sccp();
            case "simplifycfg" -> new SimplifyCfg();
            case "dce" -> new Dce();
            case "inline" -> new Inline();
            case "combine" -> new dev.rivet.ir.pass.Combine();
            case "gvn" -> new dev.rivet.ir.pass.Gvn();
            case "ranges" -> new dev.rivet.ir.pass.Ranges();
            case "globaldce" -> new GlobalDce(Set.of("main"));
            default -> throw new IllegalArgumentException("unknown pass " + name);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyIrFileRoundTrips() throws IOException {
        List<Path> files = new ArrayList<>(Golden.files(DIR, ".ir"));
        files.addAll(Golden.files(DIR, ".expected"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String once = Printer.print(Parser.parse(Files.readString(file)));
            String twice = Printer.print(Parser.parse(once));
            org.junit.jupiter.api.Assertions.assertEquals(once, twice);
        }));
    }
}
