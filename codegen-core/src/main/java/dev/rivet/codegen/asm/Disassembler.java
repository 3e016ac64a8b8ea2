package dev.rivet.codegen.asm;

/**
 * Turns one ISA's machine code back into assembly text, for {@code --emit asm} listings. The
 * text follows GNU objdump's syntax for the same bytes (RISC-V: {@code -M no-aliases}, so that
 * compressed instructions show as such), which the tests check instruction by instruction.
 */
public interface Disassembler {
    /**
     * One decoded instruction.
     *
     * @param length bytes it occupies
     * @param text   mnemonic, a tab, operands (branch targets as hex addresses without 0x)
     * @param target the address a branch or call goes to, or -1
     */
    record Insn(int length, String text, long target) {}

    /** Decodes the instruction at {@code code[offset]}, taking {@code offset} as its address. */
    Insn decode(byte[] code, int offset);

    /** The instruction's bytes as objdump shows them: Thumb as halfwords, RISC-V as one parcel or word. */
    default String hex(byte[] code, int offset, int length) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k += 2) sb.append(k > 0 ? " " : "").append(String.format("%04x", half(code, offset + k)));
        return sb.toString();
    }

    static int half(byte[] code, int offset) {
        return offset + 1 < code.length ? (code[offset] & 0xFF) | (code[offset + 1] & 0xFF) << 8 : -1;
    }
}
