package dev.rivet.emulator;

import dev.rivet.boards.Board;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs the tests of a test image, each on a fresh machine: the image is loaded, the test's
 * index is written into the harness's index word, and the core starts as after reset. A test
 * passes when it returns (exit 0), or, with {@code should_panic}, when it panics (exit 101)
 * with the expected text in its message. Anything else — a fault, an exhausted budget, another
 * exit status — fails it. Tests run on several threads; results come back in test order.
 */
public final class TestRunner {
    /** A loadable piece of the image: bytes at a load address. */
    public record Segment(long address, byte[] bytes) {}

    /**
     * How to start the image: its segments, the index word's address, an entry for boards whose
     * ROM jumps to one (or -1), and the runtime's panic entry (or -1; see {@link Machine#panicEntry}).
     */
    public record Image(Board board, List<Segment> segments, long indexAddress, long entry, long panicEntry) {}

    /** A test to run: its index in the harness, and what counts as passing. */
    public record Test(String name, int index, boolean shouldPanic, String expected) {}

    public enum Outcome { PASSED, FAILED }

    /** What happened: the outcome, what the test printed, and why it failed (empty when it passed). */
    public record Result(Test test, Outcome outcome, String stdout, String stderr, String reason, long instructions) {}

    private final Image image;
    private final long budget;
    private final LongFunction<String> symbolize;
    private final Unwinder.Table unwindRows;

    /**
     * @param budget     instructions each test may execute before it counts as hung
     * @param symbolize  names the function (and source line) at an address, for fault reports
     * @param unwindRows the program's unwind rows, for backtraces in fault reports
     */
    public TestRunner(Image image, long budget, LongFunction<String> symbolize, Unwinder.Table unwindRows) {
        this.image = image;
        this.budget = budget;
        this.symbolize = symbolize;
        this.unwindRows = unwindRows;
    }

    /** Runs {@code tests} on {@code jobs} threads; {@code done} sees each result in order as soon as it and those before it are in. */
    public List<Result> run(List<Test> tests, int jobs, Consumer<Result> done) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Test t : tests) futures.add(pool.submit(() -> runOne(t)));
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : futures) {
                Result r;
                try {
                    r = f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("test runner failed: " + e.getCause(), e.getCause());
                }
                out.add(r);
                done.accept(r);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One test on a fresh machine. */
    public Result runOne(Test t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (Machine m = new Machine(image.board(), out, err)) {
            m.unwindWith(unwindRows);
            if (image.panicEntry() >= 0) m.panicEntry(image.panicEntry());
            for (Segment s : image.segments()) m.load(s.address(), s.bytes());
            m.load(image.indexAddress(), new byte[] {(byte) t.index(), (byte) (t.index() >>> 8), (byte) (t.index() >>> 16),
                (byte) (t.index() >>> 24)});
            if (image.entry() >= 0) m.resetTo(image.entry());
            else m.reset();
            RunResult r = m.run(budget);
            String stdout = out.toString(StandardCharsets.UTF_8), stderr = err.toString(StandardCharsets.UTF_8);
            return judge(t, r, stdout, stderr);
        }
    }

    private Result judge(Test t, RunResult r, String stdout, String stderr) {
        String reason;
        Integer status = switch (r) {
            case RunResult.Exited e -> e.status();
            case RunResult.Parked p when p.panicking() -> 101; // a #[panic_handler] that loops
            default -> null;
        };
        if (status != null && status == 0) {
            if (!t.shouldPanic()) return new Result(t, Outcome.PASSED, stdout, stderr, "", r.instructions());
            reason = "note: test did not panic as expected";
        } else if (status != null && status == 101) {
            if (!t.shouldPanic()) {
                reason = "";
            } else if (t.expected() == null || stderr.contains(t.expected())) {
                return new Result(t, Outcome.PASSED, stdout, stderr, "", r.instructions());
            } else {
                reason = "note: panic did not contain expected string\n      panic message: " + panicMessage(stderr)
                        + "\n expected substring: " + quote(t.expected());
            }
        } else {
            reason = switch (r) {
                case RunResult.Exited e -> "the test exited with status " + e.status();
                case RunResult.Parked p -> "the test never returns: it parked in an endless loop at " + where(p.address());
                case RunResult.Faulted f -> f.fault().describe(symbolize).stripTrailing();
            };
        }
        return new Result(t, Outcome.FAILED, stdout, stderr, reason, r.instructions());
    }

    private String where(long address) {
        String name = symbolize.apply(address);
        return name.isEmpty() ? String.format("0x%08x", address) : name;
    }

    /** The message of a "panicked at FILE:LINE:COL:\nMESSAGE" report. */
    static String panicMessage(String stderr) {
        int nl = stderr.indexOf('\n');
        String msg = nl >= 0 ? stderr.substring(nl + 1) : stderr;
        return quote(msg.stripTrailing());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
