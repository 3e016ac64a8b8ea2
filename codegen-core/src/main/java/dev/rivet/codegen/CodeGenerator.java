package dev.rivet.codegen;

import dev.rivet.codegen.alloc.CopyCoalescing;
import dev.rivet.codegen.alloc.LinearScan;
import dev.rivet.codegen.asm.Assembler;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Module;
import dev.rivet.ir.SourceLoc;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Reloc;
import dev.rivet.linker.Section;
import dev.rivet.linker.Symbol;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Compiles an IR module to a relocatable object: every function through the machine passes
 * (instruction selection, register allocation, emission), every global into its own data
 * section. The pass list is data so that {@code --dump-after} can name any of them.
 *
 * <p>Functions go through the passes up to layout in parallel ({@link Parallel}); planning
 * (what the back end shares between functions) and emission run in order, so the object is
 * the same whatever the number of threads.
 */
public final class CodeGenerator {
    /** The machine passes, in order, with what each does (for {@code --dump-after} help). */
    public static final List<String[]> PASSES = List.of(
            new String[] {"isel", "instruction selection: IR to machine instructions over virtual registers"},
            new String[] {"deadcode", "instructions without side effects whose results nobody reads removed"},
            new String[] {"coalesce", "copies between virtual registers that never hold different values merged away"},
            new String[] {"regalloc", "linear-scan register allocation, spill code, move elimination"},
            new String[] {"layout", "identical trap blocks merged; block order chosen so that as many jumps as possible fall through"});

    private final Backend backend;
    private final Set<String> dumpAfter;
    private final BiConsumer<String, String> dump;

    /** @param dump receives (pass name, listing) after each pass named in {@code dumpAfter} */
    public CodeGenerator(Backend backend, Set<String> dumpAfter, BiConsumer<String, String> dump) {
        this.backend = backend;
        this.dumpAfter = dumpAfter;
        this.dump = dump;
    }

    public ObjectFile generate(Module m, String name) {
        ObjectFile obj = new ObjectFile(name, backend.machine());
        Set<String> noReturn = new java.util.HashSet<>();
        for (Function f : m.functions()) if (f.noreturn) noReturn.add(f.name);
        List<Function> defined = new java.util.ArrayList<>();
        for (Function f : m.functions()) {
            if (f.isDeclaration()) obj.reference(f.name);
            else defined.add(f);
        }
        // Functions compile independently (the ISA's selection rules hold no state), on all cores
        // unless passes are being dumped, which must come out in order.
        List<MFunction> compiled = new java.util.ArrayList<>(dumpAfter.isEmpty()
                ? Parallel.map(defined, f -> compile(f, noReturn))
                : defined.stream().map(f -> compile(f, noReturn)).toList());
        Set<String> live = FunctionReachability.live(m);
        backend.plan(compiled.stream().filter(mf -> live.contains(mf.name)).toList());
        for (int k = 0; k < defined.size(); k++) {
            Function f = defined.get(k);
            Assembler.Result r = backend.emit(compiled.get(k));
            compiled.set(k, null); // emitted: its machine code is no longer needed
            addCode(obj, f.section != null ? f.section : ".text." + f.name, f.name, f.exported, r);
        }
        for (Backend.Routine routine : backend.routines()) addCode(obj, ".text." + routine.name(), routine.name(), false, routine.code());
        for (Global g : m.globals()) {
            if (g.external) obj.reference(g.name);
            else global(obj, g);
        }
        return obj;
    }

    /** The machine passes up to emission: instruction selection, allocation, layout. */
    private MFunction compile(Function f, Set<String> noReturn) {
        MFunction mf = IselContext.lower(f, backend.isa(), noReturn);
        after("isel", mf);
        DeadCode.run(mf);
        after("deadcode", mf);
        CopyCoalescing.run(mf);
        after("coalesce", mf);
        LinearScan.allocate(mf, backend.isa().regs());
        after("regalloc", mf);
        TrapMerging.run(mf, backend.isa());
        BlockLayout.apply(mf);
        after("layout", mf);
        return mf;
    }

    private void addCode(ObjectFile obj, String section, String function, boolean exported, Assembler.Result r) {
        Section s = obj.add(new Section(section, Section.Kind.TEXT, Math.max(r.align(), backend.functionAlign()), r.code(), r.code().length));
        for (Reloc rel : r.relocs()) s.relocs.add(rel.symbol() == Assembler.LABEL ? labelSymbol(obj, s, function, rel) : rel);
        for (long[] m : r.mapping()) s.mapping.add(new Section.Mapping(m[0], m[1] == 1 ? 'd' : 'c'));
        for (Assembler.Row<SourceLoc> l : r.lines())
            s.lines.add(new Section.Line(l.offset(), l.value().file(), l.value().line(), l.value().column()));
        for (Assembler.Row<Assembler.CallFrame> fr : r.frames()) s.frames.add(new Section.Frame(fr.offset(), fr.value().cfa(), fr.value().ra()));
        for (Reloc rel : s.relocs) if (rel.symbol() != null) obj.reference(rel.symbol());
        obj.define(new Symbol(function, s, 0, r.code().length, exported, true, false));
    }

    /**
     * A relocation against a place in the function, retargeted to a local symbol there
     * ({@code .Lfn$offset}), as assemblers do for linkers that relax: the symbol moves with
     * the code when the linker deletes bytes before it, where a section offset would not.
     */
    private static Reloc labelSymbol(ObjectFile obj, Section s, String function, Reloc rel) {
        String name = Symbol.localLabel(function, rel.addend());
        if (obj.symbol(name) == null) obj.define(new Symbol(name, s, rel.addend(), 0, false, false, false));
        return new Reloc(rel.offset(), rel.type(), name, 0);
    }

    private void after(String pass, MFunction mf) {
        if (dumpAfter.contains(pass)) dump.accept(pass, mf.dump());
    }

    private void global(ObjectFile obj, Global g) {
        Section.Kind kind = !g.mutable ? Section.Kind.RODATA : g.isZero() ? Section.Kind.BSS : Section.Kind.DATA;
        String prefix = switch (kind) {
            case RODATA -> ".rodata."; case DATA -> ".data."; case BSS -> ".bss."; case TEXT -> ".text.";
        };
        String name = g.section != null ? g.section : prefix + g.name;
        int align = Math.max(g.align, 1);
        Section s;
        if (kind == Section.Kind.BSS && g.section == null) {
            s = obj.add(Section.bss(name, align, g.size()));
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            s = new Section(name, g.section != null && !g.mutable ? Section.Kind.RODATA : kind == Section.Kind.BSS ? Section.Kind.DATA : kind,
                    align, data(g, bytes, obj), g.size());
            obj.add(s);
            fillRelocs(g, s, obj);
            s.mapping.add(new Section.Mapping(0, 'd'));
        }
        s.retain = g.used;
        obj.define(new Symbol(g.name, s, 0, g.size(), g.exported, false, false));
    }

    private static byte[] data(Global g, ByteArrayOutputStream out, ObjectFile obj) {
        for (Global.Item item : g.items) {
            switch (item) {
                case Global.Item.Bytes b -> out.writeBytes(b.bytes());
                case Global.Item.Int n -> { for (int k = 0; k < n.type().bytes(); k++) out.write((int) (n.value() >>> (8 * k))); }
                case Global.Item.SymRef r -> { for (int k = 0; k < 4; k++) out.write((int) (r.offset() >>> (8 * k))); }
                case Global.Item.Zero z -> out.writeBytes(new byte[z.count()]);
            }
        }
        return out.toByteArray();
    }

    private void fillRelocs(Global g, Section s, ObjectFile obj) {
        int at = 0;
        for (Global.Item item : g.items) {
            if (item instanceof Global.Item.SymRef r) {
                s.relocs.add(new Reloc(at, backend.dataRelocType(), r.symbol(), r.offset()));
                obj.reference(r.symbol());
            }
            at += item.size();
        }
    }
}
