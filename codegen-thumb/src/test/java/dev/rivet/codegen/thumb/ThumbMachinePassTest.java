package dev.rivet.codegen.thumb;

import dev.rivet.codegen.MachinePassGolden;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Machine passes on Thumb, text in and text out: {@code machine/NAME.ir} against {@code NAME.expected}. */
class ThumbMachinePassTest {
    @TestFactory
    Stream<DynamicTest> machinePasses() {
        return MachinePassGolden.tests(Path.of("src/test/resources/machine"), ThumbBackend::new);
    }
}
