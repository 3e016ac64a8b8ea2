package dev.rivet.ir;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static List<String> errors(String ir) {
        return Verifier.check(Parser.parse(ir));
    }

    @Test
    void wellFormedModuleHasNoErrors() {
        assertEquals(List.of(), errors("""
                fn @f(i32) -> i32 {
                b0(%0: i32):
                  %1 = const.i32 1
                  %2 = add.i32 %0, %1
                  ret %2
                }
                """));
    }

    @Test
    void useNotDominatedByDefinition() {
        List<String> e = errors("""
                fn @f(i1) -> i32 {
                b0(%0: i1):
                  br %0, b1, b2
                b1:
                  %1 = const.i32 1
                  jmp b2
                b2:
                  ret %1
                }
                """);
        assertEquals(List.of("@f b2: ret uses a value from b1, which does not dominate it"), e);
    }

    @Test
    void typeMismatches() {
        List<String> e = errors("""
                fn @f(i32, i8) -> i32 {
                b0(%0: i32, %1: i8):
                  %2 = add.i32 %0, %1
                  %3 = zext.i8 %0
                  %4 = load.i32 %0
                  ret %1
                }
                """);
        assertEquals(List.of(
                "@f b0: add: operands must be two integers of the result type",
                "@f b0: zext: extension must widen",
                "@f b0: load: load needs a ptr and a storable type",
                "@f b0: ret: must return one i32"), e);
    }

    @Test
    void branchArgumentsMustMatchParameters() {
        List<String> e = errors("""
                fn @f(i32) -> void {
                b0(%0: i32):
                  jmp b1
                b1(%1: i32):
                  ret
                }
                """);
        assertEquals(List.of("@f b0: passes 0 arguments to b1, which takes 1"), e);
    }

    @Test
    void callsAreCheckedAgainstTheCallee() {
        List<String> e = errors("""
                declare fn @g(i32) -> i32
                fn @f() -> void {
                b0:
                  %0 = call.i32 @g()
                  call @nowhere()
                  ret
                }
                """);
        assertEquals(List.of("@f b0: call: passes 0 arguments to (i32) -> i32", "@f b0: call: unknown function @nowhere"), e);
    }

    @Test
    void missingTerminatorAndBranchToEntry() {
        List<String> e = errors("""
                fn @f() -> void {
                b0:
                  jmp b1
                b1:
                  jmp b0
                }
                """);
        assertEquals(List.of("@f b1: branch to the entry block"), e);
        Module m = new Module();
        Function f = m.add(new Function("g", List.of(), Type.VOID));
        f.addBlock().add(Inst.constant(Type.I32, 1));
        assertEquals(List.of("@g b0: does not end in a terminator"), Verifier.check(m));
    }

    @Test
    void parserReportsPositions() {
        IrSyntaxError e = assertThrows(IrSyntaxError.class, () -> Parser.parse("fn @f() -> i32 {\nb0:\n  %0 = frob.i32 1\n}\n"));
        assertEquals("3:8: unknown op 'frob'", e.getMessage());
        e = assertThrows(IrSyntaxError.class, () -> Parser.parse("fn @f() -> i32 {\nb0:\n  ret %7\n}\n"));
        assertTrue(e.getMessage().contains("value 7 is used but never defined in @f"), e.getMessage());
    }
}
