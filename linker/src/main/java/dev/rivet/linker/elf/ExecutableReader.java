package dev.rivet.linker.elf;

import dev.rivet.linker.LinkException;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Section;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an ELF32 executable, from rivet or from GNU ld, back into a {@link LinkedImage}: its
 * allocated sections with run and load addresses (the load address from the PT_LOAD segment
 * holding the section), its symbols and its entry point. This is what runs in the emulator
 * for {@code rivet run FILE.elf}.
 */
public final class ExecutableReader {
    private ExecutableReader() {}

    private record Segment(long offset, long vaddr, long paddr, long filesz) {}

    public static LinkedImage read(String file, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (bytes.length < Elf.EHDR_SIZE || b.getInt(0) != 0x464C457F || b.get(4) != 1 || b.get(5) != 1)
                throw new LinkException(file + ": not a 32-bit little-endian ELF file");
            if ((b.getShort(16) & 0xFFFF) != Elf.ET_EXEC) throw new LinkException(file + ": not an executable (ET_EXEC) ELF file");
            ObjectFile.Machine machine = switch (b.getShort(18) & 0xFFFF) {
                case Elf.EM_ARM -> ObjectFile.Machine.ARM;
                case Elf.EM_RISCV -> ObjectFile.Machine.RISCV;
                default -> throw new LinkException(file + ": neither ARM nor RISC-V code");
            };
            long entry = b.getInt(24) & 0xFFFFFFFFL;
            List<Segment> segments = new ArrayList<>();
            int phoff = b.getInt(28), phnum = b.getShort(44) & 0xFFFF;
            for (int i = 0; i < phnum; i++) {
                int p = phoff + i * Elf.PHDR_SIZE;
                if (b.getInt(p) == Elf.PT_LOAD)
                    segments.add(new Segment(b.getInt(p + 4) & 0xFFFFFFFFL, b.getInt(p + 8) & 0xFFFFFFFFL, b.getInt(p + 12) & 0xFFFFFFFFL,
                            b.getInt(p + 16) & 0xFFFFFFFFL));
            }
            int shoff = b.getInt(32), shnum = b.getShort(48) & 0xFFFF, shstrndx = b.getShort(50) & 0xFFFF;
            int strtabOfShstr = b.getInt(shoff + shstrndx * Elf.SHDR_SIZE + 16);
            String[] names = new String[shnum];
            List<LinkedImage.OutputSection> sections = new ArrayList<>();
            int symtab = -1;
            for (int i = 0; i < shnum; i++) {
                int h = shoff + i * Elf.SHDR_SIZE;
                names[i] = string(bytes, strtabOfShstr + b.getInt(h));
                int type = b.getInt(h + 4), flags = b.getInt(h + 8);
                long addr = b.getInt(h + 12) & 0xFFFFFFFFL, offset = b.getInt(h + 16) & 0xFFFFFFFFL, size = b.getInt(h + 20) & 0xFFFFFFFFL;
                if (type == Elf.SHT_SYMTAB) symtab = i;
                if ((flags & Elf.SHF_ALLOC) == 0 || size == 0) continue;
                boolean bits = type != Elf.SHT_NOBITS;
                long lma = addr;
                if (bits)
                    for (Segment s : segments)
                        if (offset >= s.offset() && offset + size <= s.offset() + s.filesz()) lma = s.paddr() + (offset - s.offset());
                Section.Kind kind = (flags & Elf.SHF_EXECINSTR) != 0 ? Section.Kind.TEXT : !bits ? Section.Kind.BSS
                        : (flags & Elf.SHF_WRITE) != 0 ? Section.Kind.DATA : Section.Kind.RODATA;
                byte[] data = bits ? Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size)) : null;
                sections.add(new LinkedImage.OutputSection(names[i], addr, lma, size, data, kind, Math.max(1, b.getInt(h + 32)), List.of()));
            }
            return new LinkedImage(machine, entry, sections, symtab < 0 ? List.of() : symbols(b, bytes, shoff, symtab, names), List.of());
        } catch (IndexOutOfBoundsException e) {
            throw new LinkException(file + ": truncated or malformed ELF file");
        }
    }

    private static List<LinkedImage.LinkedSymbol> symbols(ByteBuffer b, byte[] bytes, int shoff, int symtab, String[] names) {
        int h = shoff + symtab * Elf.SHDR_SIZE;
        int offset = b.getInt(h + 16), size = b.getInt(h + 20), link = b.getInt(h + 24);
        int strtab = b.getInt(shoff + link * Elf.SHDR_SIZE + 16);
        List<LinkedImage.LinkedSymbol> out = new ArrayList<>();
        for (int e = offset + Elf.SYM_SIZE; e < offset + size; e += Elf.SYM_SIZE) {
            int info = b.get(e + 12) & 0xFF, shndx = b.getShort(e + 14) & 0xFFFF, type = info & 0xF;
            String name = string(bytes, strtab + b.getInt(e));
            if (name.isEmpty() || type == Elf.STT_FILE || type == Elf.STT_SECTION || name.startsWith("$")) continue;
            String section = shndx > 0 && shndx < names.length ? names[shndx] : null;
            out.add(new LinkedImage.LinkedSymbol(name, b.getInt(e + 4) & 0xFFFFFFFFL, b.getInt(e + 8) & 0xFFFFFFFFL, type == Elf.STT_FUNC,
                    info >> 4 != Elf.STB_LOCAL, section));
        }
        return out;
    }

    private static String string(byte[] bytes, int at) {
        int end = at;
        while (bytes[end] != 0) end++;
        return new String(bytes, at, end - at, StandardCharsets.UTF_8);
    }
}
