package dev.rivet.codegen.asm;

import dev.rivet.ir.SourceLoc;
import dev.rivet.linker.Reloc;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a function's chunks, relaxes branches to a fixed point and encodes the result.
 * Labels are bound between chunks. Invariants: chunks only ever grow, so the loop ends; after
 * it, every chunk reaches its target in its final form.
 */
public final class Assembler {
    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<Label, Integer> bound = new IdentityHashMap<>();
    private final byte[] pad;
    private final List<Mark<SourceLoc>> lineMarks = new ArrayList<>();
    private final List<Mark<CallFrame>> frameMarks = new ArrayList<>();

    /** Something that holds from the start of chunk {@code chunk} on. */
    private record Mark<T>(int chunk, T value) {}

    /**
     * How to find the caller from here: its stack pointer is {@code SP + cfa}; the return address
     * is in memory at that address plus {@code ra} (negative), or still in the link register when
     * {@code ra} is 0.
     */
    public record CallFrame(int cfa, int ra) {
        public static final CallFrame ENTRY = new CallFrame(0, 0);
    }

    /** The symbol of relocations against a label of the function being assembled (see {@link Output#labelReloc}). */
    public static final String LABEL = "\0label";

    /** A row of the line or unwind table: what holds from {@code offset} on. */
    public record Row<T>(int offset, T value) {}

    /** @param pad the bytes used to fill alignment gaps (a no-op instruction, or zeros) */
    public Assembler(byte[] pad) {
        this.pad = pad;
    }

    public void add(Chunk c) { chunks.add(c); }

    /** Binds {@code l} to the position before the next chunk added. */
    public void bind(Label l) {
        if (bound.put(l, chunks.size()) != null) throw new IllegalStateException("label " + l + " bound twice");
    }

    public boolean isBound(Label l) { return bound.containsKey(l); }

    /** The code from the next chunk on comes from {@code loc} (null: unknown, the row before stays). */
    public void source(SourceLoc loc) {
        if (loc == null || !lineMarks.isEmpty() && lineMarks.getLast().value().equals(loc)) return;
        mark(lineMarks, loc);
    }

    /** From the next chunk on, the caller's frame is found as {@code frame} says. */
    public void frame(CallFrame frame) {
        if (!frameMarks.isEmpty() && frameMarks.getLast().value().equals(frame)) return;
        mark(frameMarks, frame);
    }

    private <T> void mark(List<Mark<T>> marks, T value) {
        if (!marks.isEmpty() && marks.getLast().chunk() == chunks.size()) marks.removeLast(); // nothing emitted under the old one
        marks.add(new Mark<>(chunks.size(), value));
    }

    private static <T> List<Row<T>> rows(List<Mark<T>> marks, int[] offsets) {
        List<Row<T>> rows = new ArrayList<>();
        for (Mark<T> m : marks) {
            if (!rows.isEmpty() && rows.getLast().offset() == offsets[m.chunk()]) rows.removeLast(); // an empty chunk between
            if (rows.isEmpty() || !rows.getLast().value().equals(m.value())) rows.add(new Row<>(offsets[m.chunk()], m.value()));
        }
        return rows;
    }

    /** What chunks write into: bytes, relocations, and the resolved positions. */
    public final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Reloc> relocs = new ArrayList<>();
        private final Map<Label, Integer> labels;
        private final int start;

        Output(Map<Label, Integer> labels, int start) {
            this.labels = labels;
            this.start = start;
        }

        /** Offset of the chunk being encoded. */
        public int offset() { return start + bytes.size(); }

        public int labelOffset(Label l) {
            Integer o = labels.get(l);
            if (o == null) throw new IllegalStateException("label " + l + " was never bound");
            return o;
        }

        public void put8(int b) { bytes.write(b); }

        public void put16(int v) {
            bytes.write(v);
            bytes.write(v >>> 8);
        }

        public void put32(int v) {
            put16(v);
            put16(v >>> 16);
        }

        /** A Thumb-2 32-bit instruction: the first halfword, then the second. */
        public void putThumb32(int first, int second) {
            put16(first);
            put16(second);
        }

        public void reloc(int type, String symbol, long addend) {
            relocs.add(new Reloc(offset(), type, symbol, addend));
        }

        /**
         * A relocation against a place in this function, for linkers that move code (RISC-V
         * relaxation): its symbol is {@link #LABEL} and its addend the label's offset, until
         * the code generator names a local symbol there.
         */
        public void labelReloc(int type, Label target) {
            relocs.add(new Reloc(offset(), type, LABEL, labelOffset(target)));
        }
    }

    /**
     * The laid-out function: code bytes and relocations (offsets from the function's start), and
     * the alignment its start needs so that aligned chunks (literals) stay aligned.
     */
    public record Result(byte[] code, List<Reloc> relocs, Map<Label, Integer> labels, int align, List<long[]> mapping,
                         List<Row<SourceLoc>> lines, List<Row<CallFrame>> frames) {}

    public Result assemble() {
        int[] offsets = new int[chunks.size() + 1];
        Map<Label, Integer> labels = new HashMap<>();
        for (int round = 0; ; round++) {
            layout(offsets, labels);
            boolean changed = false;
            for (int i = 0; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                if (c.targets().isEmpty()) continue;
                for (Label l : c.targets()) if (!labels.containsKey(l)) throw new IllegalStateException("label " + l + " was never bound");
                if (!c.reachesAll(offsets[i], labels)) {
                    if (!c.grow())
                        throw new IllegalStateException("target " + c.targets() + " out of reach of every form at offset " + offsets[i]);
                    changed = true;
                }
            }
            if (!changed) break;
            if (round > 1000) throw new IllegalStateException("branch relaxation did not converge");
        }
        Output out = new Output(labels, 0);
        List<long[]> mapping = new ArrayList<>(); // {offset, 1 for data / 0 for code}
        for (int i = 0; i < chunks.size(); i++) {
            long kind = chunks.get(i).isData() ? 1 : 0;
            if (chunks.get(i).size() > 0 && (mapping.isEmpty() || mapping.getLast()[1] != kind)) mapping.add(new long[] {offsets[i], kind});
            while (out.offset() < offsets[i]) out.put8(pad[(out.offset()) % pad.length]);
            int before = out.offset();
            chunks.get(i).encode(out);
            if (out.offset() - before != chunks.get(i).size())
                throw new IllegalStateException("chunk " + chunks.get(i) + " wrote " + (out.offset() - before)
                        + " bytes, promised " + chunks.get(i).size());
        }
        int align = 1;
        for (Chunk c : chunks) align = Math.max(align, c.sectionAlign());
        return new Result(out.bytes.toByteArray(), out.relocs, labels, align, mapping, rows(lineMarks, offsets), rows(frameMarks, offsets));
    }

    private void layout(int[] offsets, Map<Label, Integer> labels) {
        int at = 0;
        Map<Integer, List<Label>> byIndex = new HashMap<>();
        for (Map.Entry<Label, Integer> e : bound.entrySet()) byIndex.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        for (int i = 0; i <= chunks.size(); i++) {
            if (i < chunks.size()) {
                int a = chunks.get(i).align();
                at = (at + a - 1) / a * a;
            }
            for (Label l : byIndex.getOrDefault(i, List.of())) labels.put(l, at);
            offsets[i] = at;
            if (i < chunks.size()) at += chunks.get(i).size();
        }
    }
}
