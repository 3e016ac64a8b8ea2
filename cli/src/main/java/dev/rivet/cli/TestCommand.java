package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.Boot;
import dev.rivet.emulator.TestRunner;
import dev.rivet.frontend.Frontend;
import dev.rivet.frontend.TestHarness;
import dev.rivet.linker.LinkedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet test}: build the {@code #[test]} functions into a test image and run each in the emulator. */
@Command(name = "test", description = {"Run a program's #[test] functions in the emulator.",
    "Each test runs on a fresh machine; results print as `cargo test` prints them.",
    "Exit status 0 when every test passes, 101 otherwise."})
final class TestCommand implements Callable<Integer> {
    static final int EXIT_TESTS_FAILED = 101;

    @Parameters(paramLabel = "PATH", description = "the crate's root .rs file, or a project directory with rivet.toml")
    Path path;

    @Option(names = "--board", paramLabel = "BOARD", description = "board to emulate (default: " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "run on the generic virt machine for this target")
    String target;

    @Option(names = "--filter", paramLabel = "TEXT", description = "run only tests whose name contains TEXT")
    String filter;

    @Option(names = "--include-ignored", description = "run #[ignore] tests too")
    boolean includeIgnored;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Path junit;

    @Option(names = "--jobs", paramLabel = "N", description = "tests run at once (default: the number of cores)")
    Integer jobs;

    @Option(names = "--max-insns", paramLabel = "N", defaultValue = "200000000",
            description = "instructions a test may execute before it counts as hung (default ${DEFAULT-VALUE})")
    long budget;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Project project = Project.resolve(path);
        Board b = Firmware.selectBoard(board != null || target != null ? board : project.board(), target);
        long started = System.nanoTime();
        Firmware.Built fw = Firmware.build(project, b, Frontend.Mode.TEST, ConsoleDriver.SEMIHOSTING, true, err);
        if (fw == null) return Main.EXIT_FAILURE;
        List<TestRunner.Test> run = new ArrayList<>();
        List<Frontend.TestCase> all = fw.tests();
        int ignored = 0, filtered = 0;
        // cargo's order: by name (the harness's index stays each test's identity)
        List<Integer> byName = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) byName.add(k);
        byName.sort(java.util.Comparator.comparing(k -> all.get(k).name()));
        for (int k : byName) {
            Frontend.TestCase t = all.get(k);
            if (filter != null && !t.name().contains(filter)) {
                filtered++;
                continue;
            }
            if (t.ignore() != null && !includeIgnored) {
                ignored++;
                continue;
            }
            run.add(new TestRunner.Test(t.name(), k, t.shouldPanic(), t.expected()));
        }
        out.printf("%nrunning %d test%s%n", run.size() + ignored, run.size() + ignored == 1 ? "" : "s");
        for (int k : byName) {
            Frontend.TestCase t = all.get(k);
            if (t.ignore() != null && !includeIgnored && (filter == null || t.name().contains(filter)))
                out.printf("test %s ... ignored%s%n", t.name(), t.ignore().isEmpty() ? "" : ", " + t.ignore());
        }
        out.flush();
        TestRunner runner = new TestRunner(image(fw), budget, pc -> EmulatorRunner.symbolize(fw, pc),
                EmulatorRunner.unwindRows(fw));
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        List<TestRunner.Result> results = runner.run(run, threads, r -> {
            out.printf("test %s%s ... %s%n", r.test().name(), r.test().shouldPanic() ? " - should panic" : "", r.outcome() == TestRunner.Outcome.PASSED ? "ok" : "FAILED");
            out.flush();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        int failed = TestReport.summary(out, results, ignored, filtered, seconds);
        if (junit != null) TestReport.junit(junit, project.name(), results, all, includeIgnored, filter, seconds);
        out.flush();
        return failed == 0 ? Main.EXIT_OK : EXIT_TESTS_FAILED;
    }

    /** The test image as the runner loads it: loaded sections at their load addresses, and the index word. */
    static TestRunner.Image image(Firmware.Built fw) {
        List<TestRunner.Segment> segments = new ArrayList<>();
        for (LinkedImage.OutputSection s : fw.image().sections())
            if (s.loaded()) segments.add(new TestRunner.Segment(s.lma(), s.data()));
        LinkedImage.LinkedSymbol index = fw.image().symbol(TestHarness.INDEX);
        if (index == null) throw new IllegalStateException("the test image has no " + TestHarness.INDEX);
        long entry = fw.board().boot().image() == Boot.ImageRule.ESP32_IMAGE ? fw.image().entry() : -1;
        return new TestRunner.Image(fw.board(), segments, index.value(), entry, EmulatorRunner.panicEntry(fw));
    }
}
