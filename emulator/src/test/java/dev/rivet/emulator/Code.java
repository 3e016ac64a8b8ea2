package dev.rivet.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-encoded machine code for emulator tests. Every instruction carries the text GNU objdump
 * must print for its bytes, so a wrong hand encoding fails the test instead of testing nothing.
 */
final class Code {
    /** An instruction: where it is, its bytes, and objdump's expected text. */
    record Insn(long address, byte[] bytes, String text) {}

    private final long base;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Insn> insns = new ArrayList<>();

    Code(long base) { this.base = base; }

    long base() { return base; }

    long here() { return base + out.size(); }

    List<Insn> insns() { return insns; }

    byte[] bytes() { return out.toByteArray(); }

    /** A 16-bit instruction (Thumb, or compressed RISC-V). */
    Code h(int halfword, String text) { return insn(le(halfword, 2), text); }

    /** A 32-bit Thumb-2 instruction: two halfwords, first one first. */
    Code t32(int first, int second, String text) {
        byte[] b = new byte[4];
        System.arraycopy(le(first, 2), 0, b, 0, 2);
        System.arraycopy(le(second, 2), 0, b, 2, 2);
        return insn(b, text);
    }

    /** A 32-bit RISC-V instruction. */
    Code w(int word, String text) { return insn(le(word, 4), text); }

    private Code insn(byte[] b, String text) {
        insns.add(new Insn(here(), b, text));
        out.writeBytes(b);
        return this;
    }

    /** Data word (not checked by objdump). */
    Code word(long value) {
        out.writeBytes(le(value, 4));
        return this;
    }

    Code ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    Code align(int n) {
        while (out.size() % n != 0) out.write(0);
        return this;
    }

    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }
}
