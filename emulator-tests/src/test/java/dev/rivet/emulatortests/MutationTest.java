package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Frontend;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.lex.Lexer;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import dev.rivet.frontend.resolve.SourceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Robustness: mutated conformance programs (byte changes, deletions, swapped tokens) must each
 * end in a successful compilation (with a valid IR module) or in diagnostics, never in a Java
 * exception. Deterministic: the seed and the mutation number reproduce any failure.
 */
class MutationTest {
    private static final int MUTATIONS = 10_000;
    private static final long SEED = 0x5eed_1234L;
    private static final String ALPHABET = "{}()[];:,.=+-*/&|!<>'\"#@$?_aZ09\\ \n";

    @Test
    void mutatedProgramsEndInSuccessOrDiagnostics() throws Exception {
        List<String> sources = new ArrayList<>();
        for (Programs.Program p : Programs.all()) sources.add(Files.readString(p.source()));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger compiled = new AtomicInteger(), rejected = new AtomicInteger();
        IntStream.range(0, MUTATIONS).parallel().forEach(i -> {
            Random r = new Random(SEED + i);
            String original = sources.get(i % sources.size());
            String mutant = mutate(original, r);
            try {
                SourceFile src = new SourceFile("mutant" + i + ".rs", mutant);
                Frontend.Output out = Frontend.compile(List.of(new Frontend.CrateInput("mutant", "", src,
                        Path.of("mutant" + i + ".rs"), path -> java.util.Optional.empty())), null, null, true);
                if (out.module() != null) compiled.incrementAndGet();
                else if (out.diagnostics().hasErrors()) rejected.incrementAndGet();
                else failures.add("mutation " + i + ": no module and no error");
                out.diagnostics().render(); // rendering must not throw either
            } catch (Throwable t) {
                java.io.StringWriter trace = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(trace));
                String report = "mutation " + i + " (seed " + SEED + "): " + trace.toString().lines().limit(12)
                        .reduce("", (a, b) -> a + "\n" + b) + "\n" + mutant;
                failures.add(report);
                try {
                    Files.writeString(Path.of("target", "mutant-" + i + ".rs"), mutant);
                } catch (java.io.IOException ignored) {
                    // the report above has the source too
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " mutants crashed the compiler; first:\n"
                + failures.stream().limit(3).reduce("", (a, b) -> a + "\n----\n" + b));
        assertEquals(MUTATIONS, compiled.get() + rejected.get());
        assertTrue(rejected.get() > MUTATIONS / 2, "most mutants should be rejected: " + rejected.get());
    }

    private static String mutate(String s, Random r) {
        int kind = r.nextInt(3);
        if (s.isEmpty()) return s;
        switch (kind) {
            case 0 -> {
                int at = r.nextInt(s.length());
                return s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at + 1);
            }
            case 1 -> {
                int at = r.nextInt(s.length());
                int len = 1 + r.nextInt(Math.min(12, s.length() - at));
                return s.substring(0, at) + s.substring(at + len);
            }
            default -> {
                List<Token> tokens = Lexer.lex(new SourceFile("m.rs", s), new Diagnostics());
                List<Token> real = tokens.stream().filter(t -> t.kind() != TokenKind.EOF).toList();
                if (real.size() < 2) return s;
                Token a = real.get(r.nextInt(real.size())), b = real.get(r.nextInt(real.size()));
                if (a.span().start() > b.span().start()) {
                    Token t = a;
                    a = b;
                    b = t;
                }
                if (a.span().end() > b.span().start()) return s;
                return s.substring(0, a.span().start()) + b.text() + s.substring(a.span().end(), b.span().start())
                        + a.text() + s.substring(b.span().end());
            }
        }
    }
}
