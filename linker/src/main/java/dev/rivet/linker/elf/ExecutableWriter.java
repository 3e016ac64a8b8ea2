package dev.rivet.linker.elf;

import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a linked image as an ELF32 executable: one PT_LOAD program header per output section
 * (physical address = load address, so {@code .data} is loaded into flash and copied at start-up),
 * section headers, a symbol table with mapping symbols, the entry point, and the line table as DWARF.
 */
public final class ExecutableWriter {
    private ExecutableWriter() {}

    public static byte[] write(LinkedImage image, int eflags) {
        boolean arm = image.machine() == ObjectFile.Machine.ARM;
        List<LinkedImage.OutputSection> secs = new ArrayList<>();
        for (LinkedImage.OutputSection s : image.sections()) if (s.size() > 0) secs.add(s);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < secs.size(); i++) index.put(secs.get(i).name(), i + 1);

        ElfOutput out = new ElfOutput();
        int phnum = secs.size();
        out.bytes(new byte[Elf.EHDR_SIZE + phnum * Elf.PHDR_SIZE]);
        ElfOutput.StringTable shstr = new ElfOutput.StringTable(), str = new ElfOutput.StringTable();
        List<ElfOutput.Shdr> headers = new ArrayList<>();
        headers.add(new ElfOutput.Shdr(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        ElfOutput ph = new ElfOutput();
        for (LinkedImage.OutputSection s : secs) {
            int align = Math.max(1, s.align());
            while (out.size() % align != s.vma() % align) out.u8(0);
            long offset = out.size();
            if (s.data() != null) out.bytes(s.data());
            int flags = Elf.SHF_ALLOC | (s.kind() == Section.Kind.TEXT ? Elf.SHF_EXECINSTR : 0)
                    | (s.kind() == Section.Kind.DATA || s.kind() == Section.Kind.BSS ? Elf.SHF_WRITE : 0);
            headers.add(new ElfOutput.Shdr(shstr.add(s.name()), s.data() == null ? Elf.SHT_NOBITS : Elf.SHT_PROGBITS, flags,
                    s.vma(), offset, s.size(), 0, 0, align, 0));
            ph.u32(Elf.PT_LOAD);
            ph.u32(offset);
            ph.u32(s.vma());
            ph.u32(s.lma());
            ph.u32(s.data() == null ? 0 : s.size());
            ph.u32(s.size());
            ph.u32(Elf.PF_R | (s.kind() == Section.Kind.TEXT ? Elf.PF_X : 0) | ((flags & Elf.SHF_WRITE) != 0 ? Elf.PF_W : 0));
            ph.u32(align);
        }

        for (Map.Entry<String, byte[]> d : DwarfLines.sections(image).entrySet()) {
            long offset = out.size();
            out.bytes(d.getValue());
            headers.add(new ElfOutput.Shdr(shstr.add(d.getKey()), Elf.SHT_PROGBITS, 0, 0, offset, d.getValue().length, 0, 0, 1, 0));
        }

        ElfOutput syms = new ElfOutput();
        syms.bytes(new byte[Elf.SYM_SIZE]);
        int count = 1;
        for (LinkedImage.OutputSection s : secs)
            for (LinkedImage.Placement p : s.placements())
                for (Section.Mapping m : p.mapping()) {
                    String name = m.kind() == 'd' ? "$d" : arm ? "$t" : "$x";
                    symbol(syms, str.add(name), p.address() + m.offset(), 0, Elf.STB_LOCAL, Elf.STT_NOTYPE, index.get(s.name()));
                    count++;
                }
        List<LinkedImage.LinkedSymbol> globals = new ArrayList<>();
        for (LinkedImage.LinkedSymbol s : image.symbols()) {
            if (s.global()) {
                globals.add(s);
                continue;
            }
            write(syms, str, s, index);
            count++;
        }
        int firstGlobal = count;
        for (LinkedImage.LinkedSymbol s : globals) write(syms, str, s, index);

        out.align(4);
        int symtab = headers.size();
        long symOff = out.size();
        out.bytes(syms.toByteArray());
        headers.add(new ElfOutput.Shdr(shstr.add(".symtab"), Elf.SHT_SYMTAB, 0, 0, symOff, syms.size(), symtab + 1, firstGlobal, 4,
                Elf.SYM_SIZE));
        long strOff = out.size();
        byte[] strBytes = str.bytes();
        out.bytes(strBytes);
        headers.add(new ElfOutput.Shdr(shstr.add(".strtab"), Elf.SHT_STRTAB, 0, 0, strOff, strBytes.length, 0, 0, 1, 0));
        int shstrName = shstr.add(".shstrtab");
        long shstrOff = out.size();
        byte[] shstrBytes = shstr.bytes();
        out.bytes(shstrBytes);
        headers.add(new ElfOutput.Shdr(shstrName, Elf.SHT_STRTAB, 0, 0, shstrOff, shstrBytes.length, 0, 0, 1, 0));
        out.align(4);
        long shoff = out.size();
        for (ElfOutput.Shdr h : headers) h.write(out);

        byte[] bytes = out.toByteArray();
        ElfOutput hdr = new ElfOutput();
        hdr.header(Elf.ET_EXEC, arm ? Elf.EM_ARM : Elf.EM_RISCV, image.entry(), Elf.EHDR_SIZE, phnum, shoff, headers.size(),
                headers.size() - 1, eflags);
        hdr.bytes(ph.toByteArray());
        byte[] head = hdr.toByteArray();
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static void write(ElfOutput syms, ElfOutput.StringTable str, LinkedImage.LinkedSymbol s, Map<String, Integer> index) {
        int bind = s.global() ? Elf.STB_GLOBAL : Elf.STB_LOCAL;
        int type = s.function() ? Elf.STT_FUNC : s.section() != null && s.size() > 0 ? Elf.STT_OBJECT : Elf.STT_NOTYPE;
        Integer shndx = s.section() == null ? null : index.get(s.section());
        symbol(syms, str.add(s.name()), s.value(), s.size(), bind, type, shndx == null ? Elf.SHN_ABS : shndx);
    }

    static void symbol(ElfOutput o, int name, long value, long size, int bind, int type, int shndx) {
        o.u32(name);
        o.u32(value);
        o.u32(size);
        o.u8(bind << 4 | type);
        o.u8(0);
        o.u16(shndx);
    }
}
