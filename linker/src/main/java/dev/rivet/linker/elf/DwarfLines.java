package dev.rivet.linker.elf;

import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.Section;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line table of a linked image as DWARF 4 ({@code .debug_line}), with the one compilation
 * unit that points at it ({@code .debug_info}, {@code .debug_abbrev}), so that gdb and
 * addr2line map addresses to source lines. No types or variables: rivet records lines only.
 */
final class DwarfLines {
    private DwarfLines() {}

    /** The three sections by name, or an empty map when the image has no line rows (GNU-linked, or foreign code only). */
    static Map<String, byte[]> sections(LinkedImage image) {
        List<LinkedImage.Placement> code = new ArrayList<>();
        for (LinkedImage.OutputSection s : image.sections())
            for (LinkedImage.Placement p : s.placements()) if (!p.lines().isEmpty()) code.add(p);
        if (code.isEmpty()) return Map.of();
        code.sort((a, b) -> Long.compare(a.address(), b.address()));
        Map<String, Integer> files = new LinkedHashMap<>();
        for (LinkedImage.Placement p : code) for (Section.Line l : p.lines()) files.putIfAbsent(l.file(), files.size() + 1);
        long low = code.getFirst().address(), high = code.getLast().address() + code.getLast().size();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(".debug_abbrev", abbrev());
        String name = files.keySet().stream().filter(f -> !f.startsWith(RUNTIME_PREFIX)).findFirst().orElse(files.keySet().iterator().next());
        out.put(".debug_info", info(name, low, high));
        out.put(".debug_line", lines(code, files));
        return out;
    }

    /** Where the runtime's sources are said to be; the unit is named after the program's first file instead. */
    private static final String RUNTIME_PREFIX = "rivet-runtime/";

    private static final int DW_TAG_COMPILE_UNIT = 0x11, DW_AT_NAME = 0x03, DW_AT_PRODUCER = 0x25, DW_AT_STMT_LIST = 0x10,
            DW_AT_LOW_PC = 0x11, DW_AT_HIGH_PC = 0x12, DW_FORM_ADDR = 0x01, DW_FORM_DATA4 = 0x06, DW_FORM_STRING = 0x08,
            DW_FORM_SEC_OFFSET = 0x17;
    private static final int DW_LNS_COPY = 1, DW_LNS_ADVANCE_PC = 2, DW_LNS_ADVANCE_LINE = 3, DW_LNS_SET_FILE = 4,
            DW_LNS_SET_COLUMN = 5, DW_LNE_END_SEQUENCE = 1, DW_LNE_SET_ADDRESS = 2;
    private static final int OPCODE_BASE = 13;
    /** Operand counts of the standard opcodes 1..12, as the header must state them. */
    private static final int[] STANDARD_LENGTHS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

    private static byte[] abbrev() {
        ElfOutput o = new ElfOutput();
        uleb(o, 1);
        uleb(o, DW_TAG_COMPILE_UNIT);
        o.u8(0); // no children
        int[][] attributes = {{DW_AT_NAME, DW_FORM_STRING}, {DW_AT_PRODUCER, DW_FORM_STRING}, {DW_AT_STMT_LIST, DW_FORM_SEC_OFFSET},
            {DW_AT_LOW_PC, DW_FORM_ADDR}, {DW_AT_HIGH_PC, DW_FORM_DATA4}};
        for (int[] a : attributes) {
            uleb(o, a[0]);
            uleb(o, a[1]);
        }
        o.u8(0);
        o.u8(0);
        o.u8(0); // end of the abbreviations
        return o.toByteArray();
    }

    private static byte[] info(String name, long low, long high) {
        ElfOutput body = new ElfOutput();
        body.u16(4); // version
        body.u32(0); // abbreviations at offset 0
        body.u8(4); // address size
        uleb(body, 1);
        string(body, name);
        string(body, "rivet");
        body.u32(0); // the line program at offset 0
        body.u32(low);
        body.u32(high - low); // DWARF 4: high_pc as data is the length
        return withLength(body);
    }

    private static byte[] lines(List<LinkedImage.Placement> code, Map<String, Integer> files) {
        ElfOutput header = new ElfOutput();
        header.u8(1); // minimum instruction length: addresses advance in bytes
        header.u8(1); // maximum operations per instruction
        header.u8(1); // default is_stmt
        header.u8(-5 & 0xFF); // line base
        header.u8(14); // line range
        header.u8(OPCODE_BASE);
        for (int n : STANDARD_LENGTHS) header.u8(n);
        header.u8(0); // no include directories: names are as the compiler was given them
        for (String f : files.keySet()) {
            string(header, f);
            uleb(header, 0);
            uleb(header, 0);
            uleb(header, 0);
        }
        header.u8(0);
        byte[] head = header.toByteArray();

        ElfOutput program = new ElfOutput();
        for (LinkedImage.Placement p : code) sequence(program, p, files);
        ElfOutput unit = new ElfOutput();
        unit.u16(4);
        unit.u32(head.length);
        unit.bytes(head);
        unit.bytes(program.toByteArray());
        return withLength(unit);
    }

    /** One function's rows: its start address, then per row the file, line and column changes and the address step. */
    private static void sequence(ElfOutput o, LinkedImage.Placement p, Map<String, Integer> files) {
        o.u8(0);
        uleb(o, 5);
        o.u8(DW_LNE_SET_ADDRESS);
        o.u32(p.address());
        long address = p.address(), line = 1, file = 1, column = 0;
        for (Section.Line l : p.lines()) {
            long at = p.address() + l.offset();
            if (at > address) {
                o.u8(DW_LNS_ADVANCE_PC);
                uleb(o, at - address);
                address = at;
            }
            int f = files.get(l.file());
            if (f != file) {
                o.u8(DW_LNS_SET_FILE);
                uleb(o, f);
                file = f;
            }
            if (l.line() != line) {
                o.u8(DW_LNS_ADVANCE_LINE);
                sleb(o, l.line() - line);
                line = l.line();
            }
            if (l.column() != column) {
                o.u8(DW_LNS_SET_COLUMN);
                uleb(o, l.column());
                column = l.column();
            }
            o.u8(DW_LNS_COPY);
        }
        long end = p.address() + p.size();
        if (end > address) {
            o.u8(DW_LNS_ADVANCE_PC);
            uleb(o, end - address);
        }
        o.u8(0);
        uleb(o, 1);
        o.u8(DW_LNE_END_SEQUENCE);
    }

    private static byte[] withLength(ElfOutput body) {
        ElfOutput o = new ElfOutput();
        o.u32(body.size());
        o.bytes(body.toByteArray());
        return o.toByteArray();
    }

    private static void string(ElfOutput o, String s) {
        o.bytes(s.getBytes(StandardCharsets.UTF_8));
        o.u8(0);
    }

    static void uleb(ElfOutput o, long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            o.u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    static void sleb(ElfOutput o, long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            o.u8(done ? b : b | 0x80);
            if (done) return;
        }
    }
}
