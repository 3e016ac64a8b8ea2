package dev.rivet.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.frontend.resolve.SourceLoader;
import dev.rivet.ir.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code .rs} in, rendered diagnostics out ({@code .stderr}); -Dbless=true rewrites expectations. */
class DiagnosticsGoldenTest {
    static final Path DIR = Path.of("src/test/resources/diagnostics");

    @TestFactory
    Stream<DynamicTest> diagnostics() {
        return Golden.files(DIR, ".rs").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            SourceFile src = new SourceFile(name, Files.readString(file));
            Frontend.Analysis a = Frontend.analyse(List.of(new Frontend.CrateInput("test", "", src, file, SourceLoader.fileSystem())));
            assertTrue(a.diagnostics().hasErrors(), "expected errors in " + name);
            Golden.check(Golden.sibling(file, ".stderr"), a.diagnostics().render());
        }));
    }
}
