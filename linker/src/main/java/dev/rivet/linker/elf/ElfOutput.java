package dev.rivet.linker.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A little-endian byte buffer with the helpers ELF writing needs. */
final class ElfOutput {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int size() { return out.size(); }

    void u8(int v) { out.write(v); }

    void u16(int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    void u32(long v) {
        u16((int) v);
        u16((int) (v >>> 16));
    }

    void bytes(byte[] b) { out.writeBytes(b); }

    void align(int a) { while (out.size() % a != 0) out.write(0); }

    byte[] toByteArray() { return out.toByteArray(); }

    /** A string table: names added once each, at their offsets. */
    static final class StringTable {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final Map<String, Integer> offsets = new LinkedHashMap<>();

        StringTable() {
            data.write(0);
            offsets.put("", 0);
        }

        int add(String s) {
            return offsets.computeIfAbsent(s, k -> {
                int at = data.size();
                data.writeBytes(k.getBytes(StandardCharsets.UTF_8));
                data.write(0);
                return at;
            });
        }

        byte[] bytes() { return data.toByteArray(); }
    }

    /** One section header's fields. */
    record Shdr(int name, int type, int flags, long addr, long offset, long size, int link, int info, int align, int entsize) {
        void write(ElfOutput o) {
            o.u32(name);
            o.u32(type);
            o.u32(flags);
            o.u32(addr);
            o.u32(offset);
            o.u32(size);
            o.u32(link);
            o.u32(info);
            o.u32(align);
            o.u32(entsize);
        }
    }

    /** Writes an ELF32 little-endian header. */
    void header(int type, int machine, long entry, long phoff, int phnum, long shoff, int shnum, int shstrndx, int flags) {
        bytes(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        u16(type);
        u16(machine);
        u32(1);
        u32(entry);
        u32(phoff);
        u32(shoff);
        u32(flags);
        u16(Elf.EHDR_SIZE);
        u16(Elf.PHDR_SIZE);
        u16(phnum);
        u16(Elf.SHDR_SIZE);
        u16(shnum);
        u16(shstrndx);
    }
}
