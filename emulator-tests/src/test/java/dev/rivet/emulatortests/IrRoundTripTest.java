package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.cli.Compiler;
import dev.rivet.frontend.Frontend;
import dev.rivet.ir.Parser;
import dev.rivet.ir.Printer;
import dev.rivet.ir.Verifier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The IR of every conformance program prints, parses back, verifies and prints identically. */
class IrRoundTripTest {
    @TestFactory
    Stream<DynamicTest> everyProgramsIrRoundTrips() {
        return Programs.all().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Frontend.Output out = Compiler.compile(p.source(), null, null, false);
            assertNotNull(out.module(), () -> out.diagnostics().render());
            String text = Printer.print(out.module());
            var reparsed = Parser.parse(text);
            Verifier.verify(reparsed);
            assertEquals(text, Printer.print(reparsed));
        }));
    }
}
