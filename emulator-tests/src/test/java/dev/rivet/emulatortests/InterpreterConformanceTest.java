package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.cli.Compiler;
import dev.rivet.frontend.Frontend;
import dev.rivet.ir.interp.Interpreter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance program, compiled to IR (verifier on after every pass) and run in the IR
 * interpreter: stdout and exit status must equal what rustc's build of the same program gives.
 */
class InterpreterConformanceTest {
    @TestFactory
    Stream<DynamicTest> programsRunUnderTheInterpreter() {
        return Programs.all().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Frontend.Output out = Compiler.compile(p.source(), null, null, true);
            assertNotNull(out.module(), () -> out.diagnostics().render());
            ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
            Interpreter.Result r = new Interpreter(out.module(), stdout, stderr, 500_000_000L).run("main");
            assertEquals(p.expectedStdout(), stdout.toString(StandardCharsets.UTF_8), "stdout of " + p.name());
            assertEquals(p.expectedStatus(), r.status(), () -> "exit status of " + p.name() + "; stderr:\n" + stderr);
            if (p.expectedStatus() == 101)
                assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("panicked at "), stderr::toString);
            p.checkStderr(stderr.toString(StandardCharsets.UTF_8));
        }));
    }
}
