package dev.rivet.linker;

import dev.rivet.linker.script.Expr;
import dev.rivet.linker.script.LinkerScript;
import dev.rivet.linker.script.LinkerScript.Command;
import dev.rivet.linker.script.LinkerScript.SectionItem;
import dev.rivet.linker.script.ScriptException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a linker script over the input sections: assigns each to an output section (first
 * matching rule wins; sections no rule matches go after others of their kind), then walks the
 * commands with the location counter, placing output sections in their memory regions (VMA)
 * and load regions (LMA) and defining the script's symbols. Forward references are resolved by
 * repeating the walk until nothing changes, as GNU ld does.
 */
final class Layout {
    /** An output section as laid out. */
    static final class OutSec {
        final String name;
        long vma, lma, size;
        int align = 1;
        boolean nobits;
        long fill;
        String region, lmaRegion;
        final List<InputSection> inputs = new ArrayList<>();
        /** BYTE/SHORT/LONG/QUAD items: offset in the section, size, value. */
        final List<long[]> data = new ArrayList<>();

        OutSec(String name) {
            this.name = name;
        }
    }

    /** A MEMORY region and how far it is filled. */
    static final class Region {
        final String name;
        final long origin, length;
        long cursor;

        Region(String name, long origin, long length) {
            this.name = name;
            this.origin = origin;
            this.length = length;
            this.cursor = origin;
        }
    }

    private final LinkerScript script;
    private final List<InputSection> inputs;
    private final SymbolTable symbols;
    private final Map<LinkerScript.Input, List<InputSection>> matched = new IdentityHashMap<>();
    private final Map<String, List<InputSection>> orphans = new HashMap<>();

    final Map<String, OutSec> outputs = new LinkedHashMap<>();
    final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    final Map<String, Long> scriptSymbols = new LinkedHashMap<>();
    /** For script symbols defined inside an output section: its name. */
    final Map<String, String> symbolSection = new HashMap<>();
    private Map<String, Long> previous = Map.of();
    private final Map<String, OutSec> previousOutputs = new HashMap<>();
    final List<String> externs = new ArrayList<>();
    /** Inputs matched by KEEP: roots for garbage collection. */
    final List<InputSection> kept = new ArrayList<>();
    String entry;

    private long dot;
    private OutSec current;
    private boolean lastPass;
    /** For the next input section placed: the alignment the script imposed on its position (see InputSection.placementAlign). */
    private long anchor = 1;
    /** A position the script computes in a way the linker does not follow (an address, an expression). */
    static final long UNKNOWN_ALIGN = 1L << 32;

    Layout(LinkerScript script, List<InputSection> inputs, SymbolTable symbols) {
        this.script = script;
        this.inputs = inputs;
        this.symbols = symbols;
        roots(script.commands());
        match();
    }

    /** ENTRY and EXTERN, known before layout: garbage collection starts from them. */
    private void roots(List<Command> cmds) {
        for (Command c : cmds) {
            switch (c) {
                case LinkerScript.Entry e -> entry = e.symbol();
                case LinkerScript.Extern e -> externs.addAll(e.symbols());
                case LinkerScript.Sections s -> roots(s.commands());
                default -> { }
            }
        }
    }

    // ---- matching input sections to output sections ----

    private void match() {
        List<LinkerScript.OutputSection> all = new ArrayList<>();
        collect(script.commands(), all);
        for (LinkerScript.OutputSection os : all)
            for (SectionItem item : os.items())
                if (item instanceof LinkerScript.Input in) {
                    List<InputSection> got = new ArrayList<>();
                    for (InputSection s : inputs) {
                        if (s.output != null || s.discarded || !matches(in, s)) continue;
                        if (os.name().equals("/DISCARD/")) s.discarded = true;
                        else s.output = os.name();
                        got.add(s);
                        if (in.keep()) kept.add(s);
                    }
                    if ("name".equals(in.sort())) got.sort((a, b) -> a.name().compareTo(b.name()));
                    if ("alignment".equals(in.sort())) got.sort((a, b) -> Integer.compare(b.section.align, a.section.align));
                    matched.put(in, got);
                }
        for (InputSection s : inputs) {
            if (s.output != null || s.discarded) continue;
            String home = homeFor(s.section.kind);
            if (home == null) continue; // reported if the section turns out live
            s.output = home;
            orphans.computeIfAbsent(home, k -> new ArrayList<>()).add(s);
        }
    }

    private static void collect(List<Command> cmds, List<LinkerScript.OutputSection> out) {
        for (Command c : cmds) {
            if (c instanceof LinkerScript.Sections s) collect(s.commands(), out);
            if (c instanceof LinkerScript.OutputSection os) out.add(os);
        }
    }

    private static boolean matches(LinkerScript.Input in, InputSection s) {
        String file = baseName(s.object.name);
        if (!Glob.matches(in.filePattern(), file) && !Glob.matches(in.filePattern(), s.object.name)) return false;
        for (String ex : in.excludeFiles()) if (Glob.matches(ex, file)) return false;
        for (String p : in.sectionPatterns()) if (Glob.matches(p, s.name())) return true;
        return false;
    }

    private static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** The output section that holds matched sections of the same kind (orphans go after them). */
    private String homeFor(Section.Kind kind) {
        for (InputSection s : inputs)
            if (s.output != null && s.section.kind == kind) return s.output;
        if (kind == Section.Kind.RODATA) return homeFor(Section.Kind.TEXT);
        return null;
    }

    // ---- the walk ----

    /** Lays everything out; repeats until addresses and symbols are stable, then checks assertions. */
    void run() {
        settle();
        lastPass = true;
        walk();
    }

    /** Lays everything out until addresses and symbols are stable, without the final checks (relaxation lays out again). */
    void settle() {
        for (int pass = 0; pass < 8; pass++) {
            Map<String, Long> before = snapshot();
            walk();
            if (snapshot().equals(before)) break;
        }
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> m = new HashMap<>(scriptSymbols);
        for (OutSec o : outputs.values()) {
            m.put("vma " + o.name, o.vma);
            m.put("lma " + o.name, o.lma);
            m.put("size " + o.name, o.size);
        }
        return m;
    }

    private void walk() {
        previous = new HashMap<>(scriptSymbols);
        previousOutputs.clear();
        previousOutputs.putAll(outputs);
        scriptSymbols.clear();
        symbolSection.clear();
        regions.clear();
        outputs.clear();
        dot = 0;
        current = null;
        for (InputSection s : inputs) s.address = -1;
        execute(script.commands());
    }

    private void execute(List<Command> cmds) {
        for (Command c : cmds) {
            switch (c) {
                case LinkerScript.Region r -> regions.put(r.name(), new Region(r.name(), eval(r.origin()), eval(r.length())));
                case LinkerScript.RegionAlias a -> aliases.put(a.alias(), a.region());
                case LinkerScript.Assign a -> assign(a);
                case LinkerScript.Entry e -> { } // taken by roots()
                case LinkerScript.Extern e -> { }
                case LinkerScript.Assert a -> check(a);
                case LinkerScript.Sections s -> execute(s.commands());
                case LinkerScript.OutputSection os -> place(os);
            }
        }
    }

    private void check(LinkerScript.Assert a) {
        if (lastPass && eval(a.cond()) == 0) throw new ScriptException(a.pos(), "assertion failed: " + a.message());
    }

    private Region region(String name, dev.rivet.linker.script.Pos pos) {
        String n = aliases.getOrDefault(name, name);
        Region r = regions.get(n);
        if (r == null) throw new ScriptException(pos, "no memory region named `" + name + "`");
        return r;
    }

    private void place(LinkerScript.OutputSection os) {
        if (os.name().equals("/DISCARD/")) return;
        OutSec o = new OutSec(os.name());
        outputs.put(o.name, o);
        List<InputSection> contents = new ArrayList<>();
        for (SectionItem item : os.items())
            if (item instanceof LinkerScript.Input in) for (InputSection s : matched.get(in)) if (s.live) contents.add(s);
        for (InputSection s : orphans.getOrDefault(o.name, List.of())) if (s.live) contents.add(s);
        for (InputSection s : contents) o.align = Math.max(o.align, s.section.align);
        if (os.align() != null) o.align = (int) Math.max(o.align, eval(os.align()));
        Region region = os.region() != null ? region(os.region(), os.pos()) : null;
        Region lmaRegion = os.lmaRegion() != null ? region(os.lmaRegion(), os.pos()) : null;
        o.region = region == null ? null : region.name;
        o.lmaRegion = lmaRegion == null ? null : lmaRegion.name;
        o.vma = os.address() != null ? eval(os.address()) : align(region != null ? region.cursor : dot, o.align);
        o.lma = os.lma() != null ? eval(os.lma()) : lmaRegion != null ? align(lmaRegion.cursor, o.align) : o.vma;
        dot = o.vma;
        current = o;
        // where the section starts is the script's choice: an explicit address does not follow what came before
        anchor = os.address() != null || os.lma() != null ? UNKNOWN_ALIGN : o.align;
        boolean progbits = false;
        for (SectionItem item : os.items()) {
            switch (item) {
                case LinkerScript.Input in -> {
                    for (InputSection s : matched.get(in)) if (s.live) progbits |= put(o, s);
                }
                case LinkerScript.Data d -> {
                    o.data.add(new long[] {dot - o.vma, d.size(), eval(d.value())});
                    dot += d.size();
                    progbits = true;
                }
                case LinkerScript.Assign a -> assign(a);
                case LinkerScript.Fill f -> o.fill = eval(f.value());
                case LinkerScript.Assert a -> check(a);
            }
        }
        for (InputSection s : orphans.getOrDefault(o.name, List.of())) if (s.live) progbits |= put(o, s);
        if (os.fill() != null) o.fill = eval(os.fill());
        o.size = dot - o.vma;
        o.nobits = os.noload() || !progbits;
        current = null;
        if (region != null) advance(region, o.vma + o.size, o.name);
        if (lmaRegion != null && !o.nobits) advance(lmaRegion, o.lma + o.size, o.name);
        dot = o.vma + o.size;
    }

    /** What a location counter assignment aligns to: n for {@code . = ALIGN(n)}, else unknown. */
    private long alignmentOf(LinkerScript.Assign a) {
        if (a.op().equals("=") && a.value() instanceof Expr.Call c && c.name().equals("ALIGN") && c.args().size() == 1)
            return Math.max(1, eval(c.args().getFirst()));
        return UNKNOWN_ALIGN;
    }

    /** Appends an input section at the location counter; true if it has file contents. */
    private boolean put(OutSec o, InputSection s) {
        dot = align(dot, Math.max(1, s.section.align));
        s.address = dot;
        s.placementAlign = Math.max(s.section.align, anchor);
        anchor = 1;
        o.inputs.add(s);
        dot += s.size();
        return s.section.kind != Section.Kind.BSS;
    }

    private void advance(Region r, long end, String section) {
        r.cursor = Math.max(r.cursor, end);
        if (lastPass && end > r.origin + r.length)
            throw new LinkException("region " + r.name + " overflowed by " + (end - r.origin - r.length) + " bytes (placing " + section + ")"
                    + largestIn(r, end));
    }

    /** The biggest input sections placed in a region so far: what to shrink first. */
    private String largestIn(Region r, long end) {
        List<InputSection> in = new ArrayList<>();
        for (InputSection s : inputs)
            if (s.live && s.address >= r.origin && s.address < end && s.size() > 0) in.add(s);
        in.sort((a, b) -> Long.compare(b.size(), a.size()));
        StringBuilder sb = new StringBuilder();
        if (!in.isEmpty()) sb.append("\nlargest contributors:");
        for (InputSection s : in.subList(0, Math.min(5, in.size())))
            sb.append(String.format("%n  %8d bytes  %s", s.size(), s));
        return sb.toString();
    }

    private void assign(LinkerScript.Assign a) {
        if (a.symbol().equals(".")) {
            long v = eval(a.value());
            if (current != null && a.op().equals("=") && Expr.isConstant(a.value())) v += current.vma; // section-relative
            long now = combine(a.op(), dot, v);
            if (current != null && now < dot)
                throw new ScriptException(a.pos(), "cannot move the location counter backwards (from 0x" + Long.toHexString(dot)
                        + " to 0x" + Long.toHexString(now) + ")");
            anchor = Math.max(anchor, alignmentOf(a));
            dot = now;
            return;
        }
        if (a.provide() && symbols.global(a.symbol()) != null) return; // the objects define it
        long old = a.op().equals("=") ? 0 : value(a.symbol(), a.pos());
        scriptSymbols.put(a.symbol(), combine(a.op(), old, eval(a.value())) & 0xFFFF_FFFFL);
        if (current != null) symbolSection.put(a.symbol(), current.name);
    }

    private static long combine(String op, long old, long v) {
        return switch (op) {
            case "=" -> v;
            case "+=" -> old + v;
            case "-=" -> old - v;
            case "*=" -> old * v;
            case "/=" -> v == 0 ? 0 : old / v;
            case "<<=" -> old << v;
            case ">>=" -> old >> v;
            case "&=" -> old & v;
            default -> old | v;
        };
    }

    static long align(long v, long a) {
        return a <= 1 ? v : (v + a - 1) / a * a;
    }

    // ---- expressions ----

    long eval(Expr e) {
        return ScriptEvaluator.eval(e, this);
    }

    long dot(dev.rivet.linker.script.Pos pos) { return dot; }

    /** A symbol's value as the script sees it: script symbols, then object symbols, then last pass's values. */
    long value(String name, dev.rivet.linker.script.Pos pos) {
        Long v = scriptSymbols.get(name);
        if (v != null) return v;
        SymbolTable.Def d = symbols.global(name);
        if (d != null && d.section().address >= 0) return d.section().address + d.section().offset(d.symbol().value());
        v = previous.get(name);
        if (v != null) return v;
        if (lastPass) throw new ScriptException(pos, "undefined symbol `" + name + "` referenced in expression");
        return 0;
    }

    boolean defined(String name) {
        return scriptSymbols.containsKey(name) || symbols.global(name) != null;
    }

    Region regionNamed(String name, dev.rivet.linker.script.Pos pos) { return region(name, pos); }

    /** An output section by name, from this walk if already placed, else from the previous one. */
    OutSec output(String name, dev.rivet.linker.script.Pos pos) {
        OutSec o = outputs.get(name);
        if (o == null) o = previousOutputs.get(name);
        if (o == null && lastPass) throw new ScriptException(pos, "no output section named `" + name + "`");
        return Objects.requireNonNullElseGet(o, () -> new OutSec(name));
    }
}
