package dev.rivet.ir;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.ir.interp.Interpreter;
import dev.rivet.ir.interp.InterpreterError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    record Run(String out, String err, Interpreter.Result result) {}

    static Run run(String ir, long budget) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Module m = Parser.parse(ir);
        Verifier.verify(m);
        Interpreter.Result r = new Interpreter(m, out, err, budget).run("main");
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), r);
    }

    /** A program that writes "hi\n" to stdout and "no\n" to stderr with SYS_WRITE, then exits 42. */
    private static final String HELLO = """
            global @MSG align 1 = { bytes "hi\\x0ano\\x0a" }
            global @OUT align 4 mut = { i32 1, ptr @MSG, i32 3 }
            global @ERR align 4 = { i32 2, ptr @MSG+3, i32 3 }
            global @EXIT align 4 = { i32 131110, i32 42 }
            fn @main() -> void {
            b0:
              %0 = const.i32 5
              %1 = symaddr @OUT
              %2 = ptrtoint %1
              %3 = semihost %0, %2
              %4 = symaddr @ERR
              %5 = ptrtoint %4
              %6 = semihost %0, %5
              %7 = const.i32 32
              %8 = symaddr @EXIT
              %9 = ptrtoint %8
              %10 = semihost %7, %9
              trap
            }
            """;

    @Test
    void semihostingWritesAndExits() {
        Run r = run(HELLO, 0);
        assertEquals("hi\n", r.out());
        assertEquals("no\n", r.err());
        assertEquals(42, r.result().status());
        assertEquals(11, r.result().steps());
    }

    @Test
    void recursionSlotsAndCalls() {
        Run r = run("""
                fn @fact(i32) -> i32 {
                  slot $0 size 4 align 4
                b0(%0: i32):
                  %1 = slotaddr $0
                  store.i32 %0, %1
                  %2 = const.i32 1
                  %3 = icmp.ule %0, %2
                  br %3, b1, b2
                b1:
                  ret %2
                b2:
                  %4 = sub.i32 %0, %2
                  %5 = call.i32 @fact(%4)
                  %6 = load.i32 %1
                  %7 = mul.i32 %5, %6
                  ret %7
                }
                fn @main() -> void {
                  slot $0 size 12 align 4
                b0:
                  %0 = const.i32 10
                  %1 = call.i32 @fact(%0)
                  %2 = slotaddr $0
                  %3 = const.i32 131110
                  store.i32 %3, %2
                  %4 = const.i32 4
                  %5 = ptradd %2, %4
                  %6 = const.i32 255
                  %7 = and.i32 %1, %6
                  store.i32 %7, %5
                  %8 = const.i32 32
                  %9 = ptrtoint %2
                  %10 = semihost %8, %9
                  trap
                }
                """, 0);
        assertEquals(3628800 & 255, r.result().status());
    }

    @Test
    void returningFromMainExitsZero() {
        assertEquals(0, run("fn @main() -> void {\nb0:\n  ret\n}\n", 0).result().status());
    }

    /** `loop {}`: an empty block that jumps to itself ends the run, as a panic when the panic entry ran before. */
    @Test
    void parkingInAnEmptyLoopEndsTheRun() {
        Run r = run("fn @main() -> void {\nb0:\n  jmp b1\nb1:\n  jmp b1\n}\n", 1000);
        assertEquals(0, r.result().status());
        assertEquals("main", r.result().parkedIn());
        r = run("""
                fn @__rivet_panic_begin() -> void {
                b0:
                  ret
                }
                fn @main() -> void {
                b0:
                  call.void @__rivet_panic_begin()
                  jmp b1
                b1:
                  jmp b1
                }
                """, 1000);
        assertEquals(101, r.result().status());
        assertEquals("main", r.result().parkedIn());
    }

    @Test
    void budgetAndBadAccessAreErrors() {
        InterpreterError e = assertThrows(InterpreterError.class,
                () -> run("fn @main() -> void {\nb0:\n  jmp b1\nb1:\n  %0 = const.i32 1\n  jmp b1\n}\n", 1000));
        assertTrue(e.getMessage().startsWith("instruction budget exhausted"), e.getMessage());
        e = assertThrows(InterpreterError.class, () -> run("""
                fn @main() -> void {
                b0:
                  %0 = const.i32 0
                  %1 = inttoptr %0
                  %2 = load.i32 %1
                  ret
                }
                """, 0));
        assertEquals("memory access of 4 bytes at 0x00000000 is outside the program's memory", e.getMessage());
    }

    @Test
    void divisionByZeroIsReportedNotComputed() {
        InterpreterError e = assertThrows(InterpreterError.class, () -> run("""
                fn @main() -> void {
                b0:
                  %0 = const.i32 0
                  %1 = udiv.i32 %0, %0
                  ret
                }
                """, 0));
        assertTrue(e.getMessage().startsWith("udiv with undefined result"), e.getMessage());
    }
}
