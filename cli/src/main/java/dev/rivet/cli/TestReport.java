package dev.rivet.cli;

import dev.rivet.emulator.TestRunner;
import dev.rivet.frontend.Frontend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The end of a test run as {@code cargo test} prints it, and the JUnit XML that CI systems read. */
final class TestReport {
    private TestReport() {}

    /** Prints the failures section and the result line; returns the number of failed tests. */
    static int summary(PrintWriter out, List<TestRunner.Result> results, int ignored, int filtered, double seconds) {
        List<TestRunner.Result> failed = results.stream().filter(r -> r.outcome() == TestRunner.Outcome.FAILED).toList();
        if (!failed.isEmpty()) {
            out.printf("%nfailures:%n");
            for (TestRunner.Result r : failed) {
                out.printf("%n---- %s stdout ----%n", r.test().name());
                if (!r.stdout().isEmpty()) out.print(r.stdout().endsWith("\n") ? r.stdout() : r.stdout() + "\n");
                if (!r.stderr().isEmpty()) out.print(r.stderr().endsWith("\n") ? r.stderr() : r.stderr() + "\n");
                if (!r.reason().isEmpty()) out.println(r.reason());
            }
            out.printf("%nfailures:%n");
            for (TestRunner.Result r : failed) out.printf("    %s%n", r.test().name());
        }
        int passed = results.size() - failed.size();
        out.printf(Locale.ROOT, "%ntest result: %s. %d passed; %d failed; %d ignored; 0 measured; %d filtered out; finished in %.2fs%n%n",
                failed.isEmpty() ? "ok" : "FAILED", passed, failed.size(), ignored, filtered, seconds);
        return failed.size();
    }

    /** One testsuite with a testcase per test; failures carry the reason and the output. */
    static void junit(Path file, String suite, List<TestRunner.Result> results, List<Frontend.TestCase> all, boolean includeIgnored,
                      String filter, double seconds) throws IOException {
        long failures = results.stream().filter(r -> r.outcome() == TestRunner.Outcome.FAILED).count();
        List<Frontend.TestCase> skipped = all.stream()
                .filter(t -> t.ignore() != null && !includeIgnored && (filter == null || t.name().contains(filter))).toList();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuites>\n  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">\n",
                xml(suite), results.size() + skipped.size(), failures, skipped.size(), seconds));
        for (TestRunner.Result r : results) {
            x.append(String.format("    <testcase classname=\"%s\" name=\"%s\"", xml(suite), xml(r.test().name())));
            if (r.outcome() == TestRunner.Outcome.PASSED) {
                x.append("/>\n");
                continue;
            }
            String message = r.reason().isEmpty() ? TestRunnerText.firstLine(r.stderr()) : TestRunnerText.firstLine(r.reason());
            x.append(">\n      <failure message=\"").append(xml(message)).append("\">")
                    .append(xml(r.stderr() + r.reason())).append("</failure>\n");
            if (!r.stdout().isEmpty()) x.append("      <system-out>").append(xml(r.stdout())).append("</system-out>\n");
            x.append("    </testcase>\n");
        }
        for (Frontend.TestCase t : skipped)
            x.append(String.format("    <testcase classname=\"%s\" name=\"%s\"><skipped/></testcase>\n", xml(suite), xml(t.name())));
        x.append("  </testsuite>\n</testsuites>\n");
        Files.writeString(file, x.toString());
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append("&#x").append(Integer.toHexString(c)).append(';');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Small text helpers. */
    static final class TestRunnerText {
        private TestRunnerText() {}

        static String firstLine(String s) {
            for (String l : s.split("\n")) if (!l.isBlank() && !l.startsWith("panicked at")) return l.strip();
            return s.strip();
        }
    }
}
