package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the back end cannot compile is an error at the source line, with status 1: no stack trace, no guessed code. */
class CodegenErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void csrNumberMustBeAConstant() throws Exception {
        Path p = tmp.resolve("csr.rs");
        Files.writeString(p, """
                extern "C" { fn __rivet_csrr(csr: usize) -> usize; }
                fn main() {
                    let n = core::hint::black_box(0x300usize);
                    println!("{}", unsafe { __rivet_csrr(n) });
                }
                """);
        CliRunner r = CliRunner.run("build", "--board", "hifive1-revb", "-o", tmp.resolve("fw").toString(), p.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("error: unsupported: `__rivet_csrr` needs a constant CSR number below 4096\n --> " + p + ":4:"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
