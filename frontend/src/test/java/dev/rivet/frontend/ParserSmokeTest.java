package dev.rivet.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.frontend.parse.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ParserSmokeTest {
    @TestFactory
    Stream<DynamicTest> benchProgramsParseCleanly() throws Exception {
        Path dir = Path.of("../../shared/bench/rust");
        if (!Files.isDirectory(dir)) return Stream.empty();
        return Files.list(dir).sorted().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Diagnostics d = new Diagnostics();
            Parser.FileAst ast = Parser.parseFile(new SourceFile(f.toString(), Files.readString(f)), d);
            assertFalse(d.hasErrors(), d.render());
            assertFalse(ast.items().isEmpty());
        }));
    }
}
