package dev.rivet.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.frontend.resolve.SourceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SemaSmokeTest {
    @TestFactory
    Stream<DynamicTest> benchProgramsTypeCheck() throws Exception {
        Path dir = Path.of("../../shared/bench/rust");
        if (!Files.isDirectory(dir)) return Stream.empty();
        return Files.list(dir).sorted().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f) + "\nfn main() { println!(\"{:#010x}\", run()); }\n";
            Frontend.Analysis a = Frontend.analyse(List.of(new Frontend.CrateInput("main", "", new SourceFile(f.toString(), text),
                    f, SourceLoader.fileSystem())));
            assertFalse(a.diagnostics().hasErrors(), a.diagnostics().render());
        }));
    }
}
