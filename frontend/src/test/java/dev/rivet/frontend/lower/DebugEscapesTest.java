package dev.rivet.frontend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.frontend.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugEscapesTest {
    @Test
    void tableMatchesWhatRustcEscapes() {
        assertTrue(DebugEscapes.escaped(0x301), "combining acute accent (grapheme extend)");
        assertTrue(DebugEscapes.escaped(0x200b), "zero width space (Cf)");
        assertTrue(DebugEscapes.escaped(0xfeff), "byte order mark");
        assertTrue(DebugEscapes.escaped(0xe0041), "tag letter");
        assertTrue(DebugEscapes.escaped(0x10ffff), "noncharacter");
        assertFalse(DebugEscapes.escaped(0xe9), "é prints as itself");
        assertFalse(DebugEscapes.escaped(0x1f600), "emoji prints as itself");
        assertFalse(DebugEscapes.escaped(0x3b4), "δ prints as itself");
    }

    /** fmt.rs decides Latin-1 itself (C1 controls through no-break space, and the soft hyphen). */
    @Test
    void runtimeLatin1RuleAgreesWithTable() {
        for (int c = 0x80; c < DebugEscapes.RUNTIME_DECIDES_BELOW; c++)
            assertEquals(c <= 0xa0 || c == 0xad, DebugEscapes.escaped(c), Integer.toHexString(c));
    }

    @Test
    void collectsEscapedCharactersOfLiteralsOnly() {
        String src = """
                const A: char = '\\u{200b}';
                static S: &str = "é\\u{301} \u00ad";
                // a comment with \u2028 is not a literal
                fn main() { let r = r"\u2029"; let b = b'x'; }
                """;
        List<Integer> found = DebugEscapes.inLiterals(List.of(new SourceFile("t.rs", src)));
        assertEquals(List.of(0x301, 0x200b, 0x2029), found);
    }
}
