package dev.rivet.frontend.lower;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.lex.Lexer;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which characters {@code {:?}} writes as a code-point escape (backslash-u-braces): the non-printable and the
 * grapheme-extending ones, exactly as the host rustc decided them (the ranges in
 * {@code debug-escapes.txt}, made by {@code scripts/debug-escapes.rs}).
 *
 * <p>Core's table of them costs more than a kilobyte of flash. In tier-1 Rust every {@code str}
 * and {@code char} comes from a literal (or from a {@code u8}, which the runtime handles), so
 * the runtime only needs the escaped characters that the program's literals contain:
 * {@link #inLiterals} lists them for the table behind {@code rivet::debug_escapes()}.
 */
public final class DebugEscapes {
    /** Below this, the runtime decides by itself (U+0080..=U+00A0 and U+00AD). */
    static final int RUNTIME_DECIDES_BELOW = 0x100;
    private static final int[][] RANGES = load();

    private DebugEscapes() {}

    /** Whether Debug escapes {@code cp} as a code-point escape (backslash-u-braces) (code points of U+0080 and above). */
    public static boolean escaped(int cp) {
        int lo = 0, hi = RANGES.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < RANGES[mid][0]) hi = mid - 1;
            else if (cp > RANGES[mid][1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** The escaped code points from U+0100 up that occur in the char and string literals of {@code files}, ascending. */
    static List<Integer> inLiterals(Collection<SourceFile> files) {
        TreeSet<Integer> found = new TreeSet<>();
        for (SourceFile f : files)
            for (Token t : Lexer.lex(f, new Diagnostics())) {
                if (t.kind() == TokenKind.CHAR && t.value() instanceof Integer cp) add(cp, found);
                else if (t.kind() == TokenKind.STR && t.value() instanceof String s) s.codePoints().forEach(cp -> add(cp, found));
            }
        return new ArrayList<>(found);
    }

    private static void add(int cp, TreeSet<Integer> found) {
        if (cp >= RUNTIME_DECIDES_BELOW && escaped(cp)) found.add(cp);
    }

    private static int[][] load() {
        List<int[]> ranges = new ArrayList<>();
        try (var in = DebugEscapes.class.getResourceAsStream("debug-escapes.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] ends = line.strip().split("-");
                int a = Integer.parseInt(ends[0], 16);
                ranges.add(new int[] {a, ends.length == 1 ? a : Integer.parseInt(ends[1], 16)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranges.toArray(int[][]::new);
    }
}
