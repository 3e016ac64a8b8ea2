package dev.rivet.codegen.asm;

import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Reloc;
import dev.rivet.linker.RelocationNames;
import dev.rivet.linker.Section;
import dev.rivet.linker.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * An annotated assembly listing of a relocatable object ({@code rivet build --emit asm}): each
 * function with its size, the source line each run of instructions comes from, offset, bytes
 * and instruction text in objdump's syntax, branch targets, relocations, literal-pool words;
 * then the data sections. Offsets are from the start of each section, as in the object.
 */
public final class Listing {
    private final ObjectFile obj;
    private final Disassembler dis;
    /** (file, line) to that line's text, or null when the source cannot be read. */
    private final BiFunction<String, Integer, String> sourceLine;
    private final StringBuilder out = new StringBuilder();

    private Listing(ObjectFile obj, Disassembler dis, BiFunction<String, Integer, String> sourceLine) {
        this.obj = obj;
        this.dis = dis;
        this.sourceLine = sourceLine;
    }

    public static String of(ObjectFile obj, Disassembler dis, String target, BiFunction<String, Integer, String> sourceLine) {
        Listing l = new Listing(obj, dis, sourceLine);
        l.out.append("; ").append(obj.name).append(" for ").append(target).append(": code, then data; offsets from each section's start\n");
        for (Section s : obj.sections) if (s.kind == Section.Kind.TEXT) l.code(s);
        for (Section s : obj.sections) if (s.kind != Section.Kind.TEXT) l.data(s);
        return l.out.toString();
    }

    private List<Symbol> symbolsIn(Section s) {
        List<Symbol> syms = new ArrayList<>();
        for (Symbol y : obj.symbols()) if (y.section() == s && !isLabel(y.name())) syms.add(y);
        syms.sort(Comparator.comparingLong(Symbol::value));
        return syms;
    }

    private void header(Section s, String what) {
        out.append('\n').append("\t.section\t").append(s.name).append('\n');
        for (Symbol y : symbolsIn(s))
            out.append(String.format(Locale.ROOT, "%s:%s; %s%d bytes%s%n", y.name(), pad(y.name().length() + 1, 40),
                    y.global() ? "global, " : "", y.size(), what));
    }

    private static String pad(int used, int column) {
        return " ".repeat(Math.max(1, column - used));
    }

    private void code(Section s) {
        header(s, "");
        int lineRow = 0, mapRow = 0;
        boolean data = false;
        List<Symbol> symbols = symbolsIn(s);
        String name = symbols.isEmpty() ? s.name : symbols.getFirst().name();
        for (int at = 0; at < s.data.length; ) {
            while (lineRow < s.lines.size() && s.lines.get(lineRow).offset() <= at) source(s.lines.get(lineRow++));
            while (mapRow < s.mapping.size() && s.mapping.get(mapRow).offset() <= at) data = s.mapping.get(mapRow++).kind() == 'd';
            if (data) {
                long end = mapRow < s.mapping.size() ? s.mapping.get(mapRow).offset() : s.data.length;
                at = dataWords(s, at, (int) end);
                continue;
            }
            Disassembler.Insn insn = dis.decode(s.data, at);
            row(at, dis.hex(s.data, at, insn.length()), withTarget(s, name, at, insn), relocsAt(s, at, insn.length()));
            at += insn.length();
        }
    }

    /** A local label the code generator names for relocations within the function (RISC-V relaxation). */
    private static boolean isLabel(String symbol) {
        return Symbol.isLocalLabel(symbol);
    }

    /** A relocated branch names its symbol (the offset in the bytes is a placeholder); a local one its place in the function. */
    private static String withTarget(Section s, String function, int at, Disassembler.Insn insn) {
        if (insn.target() < 0) return insn.text();
        for (Reloc r : s.relocs)
            if (r.offset() == at && r.symbol() != null && !isLabel(r.symbol())) return insn.text().substring(0, insn.text().lastIndexOf(Long.toHexString(insn.target()))) + r.symbol();
        if (insn.target() >= s.data.length) return insn.text();
        return insn.text() + " <" + function + "+0x" + Long.toHexString(insn.target()) + ">";
    }

    private void source(Section.Line l) {
        String text = sourceLine.apply(l.file(), l.line());
        out.append("; ").append(l.location());
        if (text != null && !text.isBlank()) out.append(": ").append(text.strip());
        out.append('\n');
    }

    private void row(long at, String bytes, String text, String note) {
        String line = String.format(Locale.ROOT, "%8x:\t%-10s\t%s", at, bytes.stripTrailing(), text);
        out.append(note.isEmpty() ? line : line + pad(line.length() + 8, 56) + "; " + note).append('\n');
    }

    private String relocsAt(Section s, long at, int length) {
        List<String> notes = new ArrayList<>();
        for (Reloc r : s.relocs)
            if (r.offset() >= at && r.offset() < at + length && !isLabel(r.symbol()))
                notes.add(RelocationNames.of(obj.machine, r.type()) + (r.symbol() != null ? " " + r.symbol() : "")
                        + (r.addend() != 0 ? String.format(r.symbol() != null ? "%+d" : " %d", r.addend()) : ""));
        return String.join(", ", notes);
    }

    /** Words (then a short or byte tail) from {@code at} to {@code end}; returns {@code end}. */
    private int dataWords(Section s, int at, int end) {
        while (at < end) {
            int n = end - at >= 4 ? 4 : end - at >= 2 ? 2 : 1;
            long v = 0;
            for (int k = n - 1; k >= 0; k--) v = v << 8 | (s.data[at + k] & 0xFF);
            String directive = n == 4 ? ".word" : n == 2 ? ".short" : ".byte";
            row(at, "", directive + "\t0x" + String.format("%0" + 2 * n + "x", v), relocsAt(s, at, n));
            at += n;
        }
        return end;
    }

    private void data(Section s) {
        header(s, s.kind == Section.Kind.RODATA ? ", read-only" : s.kind == Section.Kind.BSS ? ", zeroed" : ", initialised");
        if (s.data == null) {
            out.append(String.format(Locale.ROOT, "%8x:\t%-10s\t.zero\t%d%n", 0, "", s.size));
            return;
        }
        for (int at = 0; at < s.data.length; ) {
            String reloc = relocsAt(s, at, 1);
            if (!reloc.isEmpty() && at + 4 <= s.data.length) {
                at = dataWords(s, at, at + 4);
                continue;
            }
            int end = Math.min(s.data.length, at + 8);
            for (Reloc r : s.relocs) if (r.offset() > at && r.offset() < end) end = (int) r.offset();
            StringBuilder bytes = new StringBuilder();
            for (int k = at; k < end; k++) bytes.append(k > at ? ", " : "").append(String.format("0x%02x", s.data[k] & 0xFF));
            row(at, "", ".byte\t" + bytes + printable(s.data, at, end), "");
            at = end;
        }
    }

    /** The bytes as text, when they are all printable ASCII: strings read better so. */
    private static String printable(byte[] d, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (d[k] < 0x20 || d[k] > 0x7E) return "";
            sb.append((char) d[k]);
        }
        return "\t; \"" + sb + "\"";
    }
}
