package dev.rivet.emulator;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.emulator.Unwinder.CallFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack walk over a made-up program: three functions at 0x100, 0x200, 0x300. */
class UnwinderTest {
    /** leaf at 0x100 saves nothing; mid at 0x200 and top at 0x300 keep 16-byte frames with the return address at the top. */
    private static final Unwinder.Table ROWS = pc -> {
        if (pc >= 0x100 && pc < 0x140) return new CallFrame(0, 0);
        if (pc >= 0x200 && pc < 0x240) return pc < 0x204 ? new CallFrame(0, 0) : new CallFrame(16, -4);
        if (pc >= 0x300 && pc < 0x340) return pc < 0x304 ? new CallFrame(0, 0) : new CallFrame(16, -4);
        return null;
    };

    private static Unwinder.Memory memory(Map<Long, Long> words) {
        return a -> {
            Long w = words.get(a);
            if (w == null) throw new IllegalArgumentException("unmapped");
            return w;
        };
    }

    @Test
    void walksThroughSavedReturnAddresses() {
        // leaf (LR = 0x211, Thumb) called from mid, called from top at 0x321; top's caller is reset (LR 0xFFFFFFFF)
        Map<Long, Long> stack = Map.of(0x1000L + 16 - 4, 0x321L, 0x1010L + 16 - 4, 0xFFFF_FFFFL);
        List<Long> callers = Unwinder.walk(ROWS, 0x104, 0x1000, 0x211, memory(stack));
        assertEquals(List.of(0x210L, 0x320L), callers);
    }

    @Test
    void aJumpOutsideTheCodeStillNamesTheCallerFromTheLinkRegister() {
        // a call through a bad pointer from mid: LR names mid, whose frame names top
        List<Long> callers = Unwinder.walk(ROWS, 0xDEAD0000L, 0x1000, 0x230, memory(Map.of(0x100CL, 0x310L)));
        assertEquals(List.of(0x230L, 0x310L), callers);
    }

    @Test
    void aStaleLinkRegisterAboveTheInnermostFrameEndsTheWalk() {
        // mid's caller is at a point of top that keeps its return address in LR: unknown above the innermost frame
        List<Long> callers = Unwinder.walk(ROWS, 0x210, 0x1000, 0x302, memory(Map.of(0x100CL, 0x302L)));
        assertEquals(List.of(0x302L), callers);
    }

    @Test
    void unreadableStackEndsTheWalk() {
        assertEquals(List.of(), Unwinder.walk(ROWS, 0x210, 0x1000, 0x0, memory(Map.of())));
    }
}
