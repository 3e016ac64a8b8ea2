package dev.rivet.codegen.thumb;

import static dev.rivet.codegen.thumb.ThumbEncoder.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.codegen.Objdump;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every instruction form the Thumb encoder emits, with the text GNU objdump must print for its
 * bytes. objdump runs inside the test, so a wrong encoding fails it. Branch targets are
 * absolute offsets in the listing ({@code -b binary} starts at 0).
 */
class ThumbEncoderTest {
    private record Case(long encoding, boolean wide, String text) {}

    private final List<Case> cases = new ArrayList<>();
    private int at;

    private void t16(int hw, String text) {
        cases.add(new Case(hw, false, text));
        at += 2;
    }

    private void t32(long packed, String text) {
        cases.add(new Case(packed, true, text));
        at += 4;
    }

    private void table() {
        t16(movsImm(0, 0), "movs r0, #0");
        t16(movsImm(7, 255), "movs r7, #255");
        t16(movReg(1, 2), "mov r1, r2");
        t16(movReg(7, 0), "mov r7, r0");
        t16(movReg(12, 0), "mov ip, r0");
        t16(movReg(0, 12), "mov r0, ip");
        t16(movReg(3, 15), "mov r3, pc");
        t16(addHigh(8, 1), "add r8, r1");
        t16(addHigh(15, 2), "add pc, r2");
        t16(addsReg(0, 1, 2), "adds r0, r1, r2");
        t16(subsReg(7, 6, 5), "subs r7, r6, r5");
        t16(addsImm3(1, 2, 7), "adds r1, r2, #7");
        t16(subsImm3(3, 4, 1), "subs r3, r4, #1");
        t16(addsImm8(5, 200), "adds r5, #200");
        t16(subsImm8(6, 1), "subs r6, #1");
        t16(cmpImm(2, 10), "cmp r2, #10");
        String[] dpNames = {"ands", "eors", "lsls", "lsrs", "asrs", "adcs", "sbcs", "rors", "tst", "negs", "cmp", "cmn", "orrs", "muls",
            "bics", "mvns"};
        for (Dp op : Dp.values()) t16(dp(op, 3, 4), dpNames[op.ordinal()] + " r3, r4"); // two-operand forms: r3 = r3 op r4
        t16(shiftImm(0, 1, 2, 31), "lsls r1, r2, #31");
        t16(shiftImm(1, 1, 2, 32), "lsrs r1, r2, #32");
        t16(shiftImm(2, 1, 2, 1), "asrs r1, r2, #1");
        t16(addSpImm(4, 255), "add r4, sp, #1020");
        t16(addSp(127), "add sp, #508");
        t16(subSp(2), "sub sp, #8");
        t16(extend(0, 1, 2), "sxth r1, r2");
        t16(extend(1, 1, 2), "sxtb r1, r2");
        t16(extend(2, 1, 2), "uxth r1, r2");
        t16(extend(3, 1, 2), "uxtb r1, r2");
        t16(rev(5, 6), "rev r5, r6");
        t16(memImm(0, 1, 2, 31), "str r1, [r2, #124]");
        t16(memImm(1, 1, 2, 1), "ldr r1, [r2, #4]");
        t16(memImm(2, 1, 2, 31), "strb r1, [r2, #31]");
        t16(memImm(3, 1, 2, 0), "ldrb r1, [r2, #0]");
        t16(memImm(4, 1, 2, 31), "strh r1, [r2, #62]");
        t16(memImm(5, 1, 2, 2), "ldrh r1, [r2, #4]");
        String[] regOps = {"str", "strh", "strb", "ldrsb", "ldr", "ldrh", "ldrb", "ldrsh"};
        for (int op = 0; op < 8; op++) t16(memReg(op, 0, 1, 2), regOps[op] + " r0, [r1, r2]");
        t16(strSp(3, 255), "str r3, [sp, #1020]");
        t16(ldrSp(3, 1), "ldr r3, [sp, #4]");
        t16(ldrLiteral(2, 3), "ldr r2, [pc, #12]");
        t16(push(0xF0, true), "push {r4, r5, r6, r7, lr}");
        t16(push(0x08, false), "push {r3}");
        t16(pop(0x30, true), "pop {r4, r5, pc}");
        t16(pop(0x01, false), "pop {r0}");
        t16(bcond(0, 4), String.format("beq.n 0x%x", at + 4 + 8));
        t16(bcond(3, -2), String.format("bcc.n 0x%x", at + 4 - 4));
        t16(bcond(12, 0), String.format("bgt.n 0x%x", at + 4));
        t16(b(-1024), String.format("b.n 0x%x", at + 4 - 2048 & 0xFFFFFFFFL));
        t16(b(5), String.format("b.n 0x%x", at + 4 + 10));
        t16(bx(14), "bx lr");
        t16(blx(3), "blx r3");
        t16(bkpt(0xAB), "bkpt 0x00ab");
        t16(udf(0xFE), "udf #254");
        t16(nop(), "nop");
        t32(bl(0x1000), String.format("bl 0x%x", at + 4 + 0x1000));
        t32(bl(-0x20), String.format("bl 0x%x", at + 4 - 0x20));
        t32(bl(0x7FFFFE), String.format("bl 0x%x", at + 4 + 0x7FFFFE));
        t32(subwSp(4095), "subw sp, sp, #4095");
        t32(addwSp(1472), "addw sp, sp, #1472");
        t16(addHigh(13, 4), "add sp, r4");
        t32(tableBranch(2, false), "tbb [pc, r2]");
        t32(tableBranch(12, true), "tbh [pc, ip, lsl #1]");
        t32(bw(0x1234), String.format("b.w 0x%x", at + 4 + 0x1234));
        t32(bw(-0x100000), String.format("b.w 0x%x", (at + 4 - 0x100000) & 0xFFFFFFFFL));
        t32(bcondW(1, 0x400), String.format("bne.w 0x%x", at + 4 + 0x400));
        t32(bcondW(10, -0x80000), String.format("bge.w 0x%x", (at + 4 - 0x80000) & 0xFFFFFFFFL));
        t32(movw(3, 0xBEEF), "movw r3, #48879");
        t32(movw(0, 0x0800), "movw r0, #2048");
        t32(movt(1, 0x2000), "movt r1, #8192");
        t32(udiv(0, 1, 2), "udiv r0, r1, r2");
        t32(sdiv(7, 6, 5), "sdiv r7, r6, r5");
        t32(clz(1, 2), "clz r1, r2");
        t32(rbit(3, 4), "rbit r3, r4");
        t32(umull(0, 1, 2, 3), "umull r0, r1, r2, r3");
        t32(mla(4, 5, 6, 7), "mla r4, r5, r6, r7");
        t32(mls(0, 1, 2, 3), "mls r0, r1, r2, r3");
        t32(0xF8DFL << 16 | 2 << 12 | 0x123, "ldr.w r2, [pc, #291]");
        t32(0xF3808808L, "msr MSP, r0");
    }

    @Test
    void objdumpAgreesWithEveryForm() throws Exception {
        table();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Case c : cases) {
            if (c.wide()) {
                writeHalf(bytes, (int) (c.encoding() >>> 16));
                writeHalf(bytes, (int) c.encoding());
            } else {
                writeHalf(bytes, (int) c.encoding());
            }
        }
        List<Objdump.Line> lines = Objdump.disassemble("arm-none-eabi-objdump", '@', bytes.toByteArray(), "-marm", "-Mforce-thumb");
        assertEquals(cases.size(), lines.size(), () -> "one line per instruction:\n" + lines);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++)
            if (!cases.get(i).text().equals(lines.get(i).text()))
                wrong.add(String.format("%04x %s: expected \"%s\", objdump says \"%s\"", lines.get(i).offset(), lines.get(i).encoding(),
                        cases.get(i).text(), lines.get(i).text()));
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static void writeHalf(ByteArrayOutputStream out, int hw) {
        out.write(hw);
        out.write(hw >>> 8);
    }
}
