package dev.rivet.codegen.riscv;

import dev.rivet.codegen.MachinePassGolden;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Machine passes on RISC-V, text in and text out: {@code machine/NAME.ir} against {@code NAME.expected}. */
class RvMachinePassTest {
    @TestFactory
    Stream<DynamicTest> machinePasses() {
        return MachinePassGolden.tests(Path.of("src/test/resources/machine"), RvBackend::new);
    }
}
