package dev.rivet.linker.elf;

import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Reloc;
import dev.rivet.linker.Section;
import dev.rivet.linker.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ObjectFile} as an ELF32 relocatable object ({@code .o}) that GNU ld and
 * objdump read: one section per function or global, REL relocations on ARM (addends are stored
 * in the bytes, as the ARM ABI wants) and RELA on RISC-V, and mapping symbols marking code and data.
 */
public final class RelocatableWriter {
    private RelocatableWriter() {}

    public static byte[] write(ObjectFile obj, int eflags) {
        boolean arm = obj.machine == ObjectFile.Machine.ARM;
        ElfOutput.StringTable shstr = new ElfOutput.StringTable(), str = new ElfOutput.StringTable();
        Map<Section, Integer> index = new HashMap<>();
        for (int i = 0; i < obj.sections.size(); i++) index.put(obj.sections.get(i), i + 1);

        // symbols: locals (mapping symbols, local definitions) first, then globals
        ElfOutput syms = new ElfOutput();
        syms.bytes(new byte[Elf.SYM_SIZE]);
        int count = 1;
        Map<String, Integer> symIndex = new HashMap<>();
        for (Section s : obj.sections)
            for (Section.Mapping m : s.mapping) {
                String name = m.kind() == 'd' ? "$d" : arm ? "$t" : "$x";
                symbol(syms, str.add(name), m.offset(), 0, Elf.STB_LOCAL, Elf.STT_NOTYPE, index.get(s));
                count++;
            }
        List<Symbol> globals = new ArrayList<>();
        for (Symbol s : obj.symbols()) {
            if (s.global() || !s.defined()) {
                globals.add(s);
                continue;
            }
            symIndex.put(s.name(), count++);
            write(syms, str, s, arm, index);
        }
        int firstGlobal = count;
        for (Symbol s : globals) {
            symIndex.put(s.name(), count++);
            write(syms, str, s, arm, index);
        }

        ElfOutput out = new ElfOutput();
        out.bytes(new byte[Elf.EHDR_SIZE]);
        List<ElfOutput.Shdr> headers = new ArrayList<>();
        headers.add(new ElfOutput.Shdr(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (Section s : obj.sections) {
            out.align(Math.max(1, Math.min(s.align, 16)));
            long offset = out.size();
            boolean nobits = s.kind == Section.Kind.BSS;
            if (!nobits) out.bytes(s.data);
            headers.add(new ElfOutput.Shdr(shstr.add(s.name), nobits ? Elf.SHT_NOBITS : Elf.SHT_PROGBITS, flags(s), 0, offset,
                    s.size, 0, 0, s.align, 0));
        }
        int symtabIndex = obj.sections.size() + 1 + (int) obj.sections.stream().filter(s -> !s.relocs.isEmpty()).count();
        for (Section s : obj.sections) {
            if (s.relocs.isEmpty()) continue;
            out.align(4);
            long offset = out.size();
            for (Reloc r : s.relocs) {
                int sym = r.symbol() == null ? 0 : symIndex.get(r.symbol());
                out.u32(r.offset());
                out.u32((long) sym << 8 | r.type());
                if (!arm) out.u32(r.addend());
            }
            headers.add(new ElfOutput.Shdr(shstr.add((arm ? ".rel" : ".rela") + s.name), arm ? Elf.SHT_REL : Elf.SHT_RELA,
                    Elf.SHF_INFO_LINK, 0, offset, out.size() - offset, symtabIndex, index.get(s), 4, arm ? 8 : 12));
        }
        out.align(4);
        long symOff = out.size();
        out.bytes(syms.toByteArray());
        headers.add(new ElfOutput.Shdr(shstr.add(".symtab"), Elf.SHT_SYMTAB, 0, 0, symOff, syms.size(), symtabIndex + 1,
                firstGlobal, 4, Elf.SYM_SIZE));
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
        hdr.header(Elf.ET_REL, arm ? Elf.EM_ARM : Elf.EM_RISCV, 0, 0, 0, shoff, headers.size(), headers.size() - 1, eflags);
        System.arraycopy(hdr.toByteArray(), 0, bytes, 0, Elf.EHDR_SIZE);
        return bytes;
    }

    static int flags(Section s) {
        int f = Elf.SHF_ALLOC;
        if (s.kind == Section.Kind.TEXT) f |= Elf.SHF_EXECINSTR;
        if (s.kind == Section.Kind.DATA || s.kind == Section.Kind.BSS) f |= Elf.SHF_WRITE;
        if (s.retain) f |= Elf.SHF_GNU_RETAIN;
        return f;
    }

    private static void write(ElfOutput syms, ElfOutput.StringTable str, Symbol s, boolean arm, Map<Section, Integer> index) {
        int bind = !s.global() ? Elf.STB_LOCAL : s.weak() ? Elf.STB_WEAK : Elf.STB_GLOBAL;
        // a label in code (a branch target named for relaxation) is no object: objdump would show its bytes as data
        int type = !s.defined() ? Elf.STT_NOTYPE : s.function() ? Elf.STT_FUNC : s.section().kind == Section.Kind.TEXT ? Elf.STT_NOTYPE : Elf.STT_OBJECT;
        long value = s.value() | (arm && s.function() && s.defined() ? 1 : 0);
        symbol(syms, str.add(s.name()), value, s.size(), bind, type, s.defined() ? index.get(s.section()) : Elf.SHN_UNDEF);
    }

    private static void symbol(ElfOutput o, int name, long value, long size, int bind, int type, int shndx) {
        o.u32(name);
        o.u32(value);
        o.u32(size);
        o.u8(bind << 4 | type);
        o.u8(0);
        o.u16(shndx);
    }
}
