package dev.rivet.frontend.resolve;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.nio.file.Path;
import java.util.Map;

/**
 * The parts of {@code core} (also reachable as {@code std}) that rivet implements in the
 * compiler, and the {@code rivet} intrinsics the runtime library uses. Names that exist in core
 * but that rivet does not compile yet resolve to {@link Def.Unsupported}, so the user gets an
 * "unsupported" error rather than "not found".
 */
public final class Builtins {
    private static final ModuleScope CORE = buildCore();
    private static final ModuleScope RIVET = buildRivet();
    /** {@code core::panic::PanicInfo}: passed by reference to a {@code #[panic_handler]}. */
    public static final AdtInfo PANIC_INFO = panicInfo();

    private Builtins() {}

    public static ModuleScope core() { return CORE; }

    public static ModuleScope rivet() { return RIVET; }

    /** {@code cortex_m_rt} and {@code riscv_rt}: only their {@code entry} attribute, which rivet understands itself. */
    public static ModuleScope runtimeCrate(String name) {
        return name.equals("cortex_m_rt") ? CORTEX_M_RT : RISCV_RT;
    }

    private static final ModuleScope CORTEX_M_RT = attributeCrate("cortex_m_rt");
    private static final ModuleScope RISCV_RT = attributeCrate("riscv_rt");

    private static ModuleScope attributeCrate(String name) {
        Crate crate = new Crate(name, name + ".");
        ModuleScope m = module(name, null, crate);
        crate.root = m;
        m.values.put("entry", new Def.Intrinsic(name + "::entry"));
        m.types.put("entry", new Def.Intrinsic(name + "::entry"));
        return m;
    }

    private static ModuleScope module(String name, ModuleScope parent, Crate crate) {
        ModuleScope m = new ModuleScope(name, parent, crate, null, Path.of("."));
        if (parent != null) parent.types.put(name, new Def.Mod(m));
        return m;
    }

    private static ModuleScope buildCore() {
        Crate crate = new Crate("core", "core.");
        ModuleScope core = module("core", null, crate);
        crate.root = core;
        ModuleScope ptr = module("ptr", core, crate);
        for (String f : new String[] {"read_volatile", "write_volatile", "null", "null_mut", "read", "write"})
            ptr.values.put(f, new Def.Intrinsic("ptr::" + f));
        // The parser expands addr_of!/addr_of_mut! by name; these let `use core::ptr::addr_of_mut;` resolve.
        for (String m : new String[] {"addr_of", "addr_of_mut"}) ptr.values.put(m, new Def.Intrinsic("ptr::" + m + "!"));
        ModuleScope mem = module("mem", core, crate);
        for (String f : new String[] {"size_of", "align_of", "swap", "replace"})
            mem.values.put(f, new Def.Intrinsic("mem::" + f));
        mem.values.put("transmute", new Def.Unsupported("core::mem::transmute"));
        ModuleScope hint = module("hint", core, crate);
        hint.values.put("black_box", new Def.Intrinsic("hint::black_box"));
        hint.values.put("spin_loop", new Def.Intrinsic("hint::spin_loop"));
        ModuleScope cmp = module("cmp", core, crate);
        cmp.values.put("min", new Def.Intrinsic("cmp::min"));
        cmp.values.put("max", new Def.Intrinsic("cmp::max"));
        ModuleScope panic = module("panic", core, crate);
        for (String m : new String[] {"fmt", "iter", "option", "result", "convert", "ops", "slice", "str", "cell",
            "sync", "marker", "default", "clone", "char", "num", "array", "arch", "intrinsics", "prelude"})
            core.types.put(m, new Def.Unsupported("core::" + m));
        for (IntKind k : IntKind.values()) {
            ModuleScope legacy = module(k.name, core, crate);
            legacy.values.put("MAX", new Def.Unsupported("core::" + k.name + "::MAX (write " + k.name + "::MAX)"));
        }
        return core;
    }

    private static ModuleScope buildRivet() {
        Crate crate = new Crate("rivet", "rivet.");
        ModuleScope rivet = module("rivet", null, crate);
        crate.root = rivet;
        rivet.values.put("semihost", new Def.Intrinsic("rivet::semihost"));
        rivet.values.put("debug_escapes", new Def.Intrinsic("rivet::debug_escapes"));
        return rivet;
    }

    private static AdtInfo panicInfo() {
        Item.Struct ast = new Item.Struct("PanicInfo", java.util.List.of(), true, dev.rivet.frontend.ast.Generics.NONE,
                Item.StructKind.NAMED, java.util.List.of(), null, null);
        ModuleScope panic = ((Def.Mod) CORE.types.get("panic")).module();
        AdtInfo info = new AdtInfo(AdtInfo.Kind.STRUCT, "PanicInfo", ast, panic);
        info.variants.add(new AdtInfo.Variant("PanicInfo", Item.StructKind.NAMED, 0));
        info.resolved = true;
        panic.types.put("PanicInfo", new Def.Adt(info));
        return info;
    }

    /** Primitive type names, visible everywhere unless shadowed. */
    public static final Map<String, Ty> PRIMITIVES = Map.ofEntries(
            Map.entry("bool", Ty.BOOL), Map.entry("char", Ty.CHAR), Map.entry("str", Ty.STR),
            Map.entry("u8", new Ty.Int(IntKind.U8)), Map.entry("u16", new Ty.Int(IntKind.U16)),
            Map.entry("u32", new Ty.Int(IntKind.U32)), Map.entry("u64", new Ty.Int(IntKind.U64)),
            Map.entry("u128", new Ty.Int(IntKind.U128)), Map.entry("usize", new Ty.Int(IntKind.USIZE)),
            Map.entry("i8", new Ty.Int(IntKind.I8)), Map.entry("i16", new Ty.Int(IntKind.I16)),
            Map.entry("i32", new Ty.Int(IntKind.I32)), Map.entry("i64", new Ty.Int(IntKind.I64)),
            Map.entry("i128", new Ty.Int(IntKind.I128)), Map.entry("isize", new Ty.Int(IntKind.ISIZE)),
            Map.entry("f32", Ty.ERROR), Map.entry("f64", Ty.ERROR));

    /** Prelude names rivet does not support yet (tier 2), so their use says so. */
    public static final Map<String, String> UNSUPPORTED_PRELUDE = Map.of(
            "Option", "`Option` (tier 2)", "Some", "`Option` (tier 2)", "None", "`Option` (tier 2)",
            "Result", "`Result` (tier 2)", "Ok", "`Result` (tier 2)", "Err", "`Result` (tier 2)",
            "Vec", "`Vec` (no heap allocation)", "String", "`String` (no heap allocation)", "Box", "`Box` (no heap allocation)");
}
