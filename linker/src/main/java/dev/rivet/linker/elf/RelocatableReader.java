package dev.rivet.linker.elf;

import dev.rivet.linker.ArmRelocations;
import dev.rivet.linker.LinkException;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Reloc;
import dev.rivet.linker.Section;
import dev.rivet.linker.Symbol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads an ELF32 little-endian relocatable object (what {@code arm-none-eabi-gcc -c} and
 * {@code riscv64-unknown-elf-gcc -march=rv32… -c} write) into the linker's object model:
 * allocated sections, their symbols and relocations. Debug info, notes, comments and
 * attribute sections are left out; ARM REL addends are taken from the bytes they patch.
 * Local symbols keep their names when unique in the object (section symbols and repeated
 * local names get a suffix, since the linker resolves by name).
 */
public final class RelocatableReader {
    private static final int SHT_INIT_ARRAY = 14, SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16, SHT_GROUP = 17;
    private static final int SHF_GROUP = 0x200;

    private final String file;
    private final ByteBuffer buf;
    private final ObjectFile obj;
    private Header[] sections;
    private Section[] loaded;
    private String[] symbolNames;

    private record Header(String name, int type, int flags, int offset, int size, int link, int info, int align, int entsize) {}

    private RelocatableReader(String file, byte[] bytes) {
        this.file = file;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.obj = new ObjectFile(file, machine());
        obj.flags = buf.getInt(36);
    }

    /** Reads {@code bytes}, named {@code file} in messages. */
    public static ObjectFile read(String file, byte[] bytes) {
        try {
            RelocatableReader r = new RelocatableReader(file, bytes);
            r.readSections();
            r.readSymbols();
            r.readRelocations();
            return r.obj;
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new LinkException(file + ": truncated or malformed ELF file");
        }
    }

    private ObjectFile.Machine machine() {
        if (buf.limit() < Elf.EHDR_SIZE || buf.getInt(0) != 0x464C457F) throw error("not an ELF file");
        if (buf.get(4) != 1) throw error("not a 32-bit ELF file (ELFCLASS32 needed)");
        if (buf.get(5) != 1) throw error("not a little-endian ELF file");
        if (u16(16) != Elf.ET_REL) throw error("not a relocatable object (ET_REL); link objects, not executables or shared libraries");
        return switch (u16(18)) {
            case Elf.EM_ARM -> ObjectFile.Machine.ARM;
            case Elf.EM_RISCV -> ObjectFile.Machine.RISCV;
            default -> throw error("machine " + u16(18) + " is neither ARM (40) nor RISC-V (243)");
        };
    }

    private void readSections() {
        int shoff = buf.getInt(32), shentsize = u16(46), shnum = u16(48), shstrndx = u16(50);
        if (shentsize != Elf.SHDR_SIZE) throw error("unexpected section header size " + shentsize);
        sections = new Header[shnum];
        int[] nameOffsets = new int[shnum];
        for (int i = 0; i < shnum; i++) {
            int h = shoff + i * shentsize;
            nameOffsets[i] = buf.getInt(h);
            sections[i] = new Header(null, buf.getInt(h + 4), buf.getInt(h + 8), buf.getInt(h + 16), buf.getInt(h + 20),
                    buf.getInt(h + 24), buf.getInt(h + 28), buf.getInt(h + 32), buf.getInt(h + 36));
        }
        int strtab = sections[shstrndx].offset();
        loaded = new Section[shnum];
        for (int i = 0; i < shnum; i++) {
            Header s = sections[i];
            sections[i] = new Header(string(strtab + nameOffsets[i]), s.type(), s.flags(), s.offset(), s.size(), s.link(), s.info(),
                    s.align(), s.entsize());
            loaded[i] = section(sections[i]);
            if (loaded[i] != null) obj.add(loaded[i]);
        }
    }

    /** The linker's section for an allocated one, or null for what a firmware image does not contain. */
    private Section section(Header h) {
        if ((h.flags() & Elf.SHF_ALLOC) == 0) return null;
        boolean bits = h.type() == Elf.SHT_PROGBITS || h.type() == SHT_INIT_ARRAY || h.type() == SHT_FINI_ARRAY
                || h.type() == SHT_PREINIT_ARRAY;
        if (!bits && h.type() != Elf.SHT_NOBITS) return null;
        if ((h.flags() & SHF_GROUP) != 0 || h.type() == SHT_GROUP)
            throw error("section " + h.name() + " is in a COMDAT group, which rivet does not link (C++ inline functions, templates)");
        int align = Math.max(1, h.align());
        Section s;
        if (h.type() == Elf.SHT_NOBITS) {
            s = Section.bss(h.name(), align, h.size() & 0xFFFF_FFFFL);
        } else {
            Section.Kind kind = (h.flags() & Elf.SHF_EXECINSTR) != 0 ? Section.Kind.TEXT
                    : (h.flags() & Elf.SHF_WRITE) != 0 ? Section.Kind.DATA : Section.Kind.RODATA;
            byte[] data = Arrays.copyOfRange(buf.array(), h.offset(), h.offset() + h.size());
            s = new Section(h.name(), kind, align, data, h.size());
        }
        s.retain = (h.flags() & Elf.SHF_GNU_RETAIN) != 0 || h.type() != Elf.SHT_PROGBITS && h.type() != Elf.SHT_NOBITS;
        return s;
    }

    private void readSymbols() {
        int symtab = -1;
        for (int i = 0; i < sections.length; i++) if (sections[i].type() == Elf.SHT_SYMTAB) symtab = i;
        if (symtab < 0) {
            symbolNames = new String[0];
            return;
        }
        Header st = sections[symtab];
        int strtab = sections[st.link()].offset(), count = st.size() / Elf.SYM_SIZE;
        symbolNames = new String[count];
        Set<String> localNames = new HashSet<>();
        for (int k = 1; k < count; k++) {
            int e = st.offset() + k * Elf.SYM_SIZE;
            String name = string(strtab + buf.getInt(e));
            long value = buf.getInt(e + 4) & 0xFFFF_FFFFL, size = buf.getInt(e + 8) & 0xFFFF_FFFFL;
            int info = buf.get(e + 12) & 0xFF, shndx = u16(e + 14);
            int bind = info >> 4, type = info & 0xF;
            if (type == Elf.STT_FILE) continue;
            if (type == Elf.STT_SECTION) {
                if (shndx >= loaded.length || loaded[shndx] == null) continue;
                symbolNames[k] = sections[shndx].name() + "@" + file + "#" + k; // unique: nothing in C or Rust is named so
                obj.define(new Symbol(symbolNames[k], loaded[shndx], 0, 0, false, false, false));
                continue;
            }
            if (bind == Elf.STB_LOCAL && isMappingSymbol(name)) {
                if (shndx < loaded.length && loaded[shndx] != null)
                    loaded[shndx].mapping.add(new Section.Mapping(value, name.charAt(1) == 'd' ? 'd' : 'c'));
                continue;
            }
            boolean function = type == Elf.STT_FUNC;
            if (function && obj.machine == ObjectFile.Machine.ARM) value &= ~1L; // the Thumb bit: the linker sets it again
            if (shndx == Elf.SHN_UNDEF) {
                if (bind == Elf.STB_LOCAL) throw error("undefined local symbol `" + name + "`");
                symbolNames[k] = name;
                obj.reference(name);
                continue;
            }
            Section home = definingSection(name, shndx, value, size);
            if (home == null) continue; // a symbol in debug info or another section the image leaves out
            if (home.kind == Section.Kind.BSS && shndx == Elf.SHN_COMMON) value = 0;
            boolean global = bind != Elf.STB_LOCAL;
            if (!global && !localNames.add(name)) name = name + "#" + k;
            symbolNames[k] = name;
            obj.define(new Symbol(name, home, value, size, global, function, bind == Elf.STB_WEAK));
        }
    }

    private Section definingSection(String name, int shndx, long value, long size) {
        if (shndx == Elf.SHN_ABS) throw error("absolute symbol `" + name + "` is not supported; define it in the linker script");
        if (shndx == Elf.SHN_COMMON) // -fcommon tentative definitions: a zeroed section of their own, aligned as st_value says
            return obj.add(Section.bss(".bss.common." + name, (int) Math.max(1, value), size));
        if (shndx >= loaded.length) throw error("symbol `" + name + "` in section index " + shndx + ", which does not exist");
        return loaded[shndx];
    }

    /**
     * ARM's $a, $t, $d and RISC-V's $x, $d, optionally with a ".suffix"; and RISC-V's
     * "$x&lt;ISA&gt;" ($xrv32i2p1_m2p0_c2p0), which says which extensions the code after it uses.
     */
    private static boolean isMappingSymbol(String name) {
        return name.length() >= 2 && name.charAt(0) == '$' && "atdx".indexOf(name.charAt(1)) >= 0
                && (name.length() == 2 || name.charAt(2) == '.' || name.startsWith("$xrv"));
    }

    private void readRelocations() {
        for (Header h : sections) {
            if (h.type() != Elf.SHT_REL && h.type() != Elf.SHT_RELA) continue;
            if (h.info() >= loaded.length || loaded[h.info()] == null) continue; // relocates debug info or the like
            Section target = loaded[h.info()];
            boolean rela = h.type() == Elf.SHT_RELA;
            int entry = rela ? 12 : 8;
            for (int at = h.offset(); at < h.offset() + h.size(); at += entry) {
                long offset = buf.getInt(at) & 0xFFFF_FFFFL;
                int info = buf.getInt(at + 4), type = info & 0xFF, sym = info >>> 8;
                if (type == 0 || obj.machine == ObjectFile.Machine.ARM && type == 40) continue; // NONE; R_ARM_V4BX (ARM-state bx)
                if (target.data == null) throw error("relocation in zero-filled section " + target.name);
                // R_RISCV_ALIGN (nops to cut to what aligns the code after them) and R_RISCV_RELAX
                // (the relocation before it may be shortened) name no symbol
                if (obj.machine == ObjectFile.Machine.RISCV && sym == 0 && (type == 43 || type == 51)) {
                    target.relocs.add(new Reloc(offset, type, null, rela ? buf.getInt(at + 8) : 0));
                    continue;
                }
                if (sym == 0 || sym >= symbolNames.length || symbolNames[sym] == null)
                    throw error("relocation type " + type + " in " + target.name + " at offset 0x" + Long.toHexString(offset)
                            + " refers to a symbol rivet could not read (index " + sym + ")");
                long addend = rela ? buf.getInt(at + 8) : ArmRelocations.implicitAddend(type, target.data, (int) offset);
                target.relocs.add(new Reloc(offset, type, symbolNames[sym], addend));
            }
        }
    }

    private int u16(int at) {
        return buf.getShort(at) & 0xFFFF;
    }

    private String string(int at) {
        int end = at;
        while (buf.get(end) != 0) end++;
        return new String(buf.array(), at, end - at, java.nio.charset.StandardCharsets.UTF_8);
    }

    private LinkException error(String message) {
        return new LinkException(file + ": " + message);
    }
}
