package dev.rivet.frontend.resolve;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.StaticInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One crate: its module tree and every item the collector found, in source order. */
public final class Crate {
    /** An impl block, the module it appears in, and its functions (Self is set when the impl is resolved). */
    public record ImplBlock(Item.Impl ast, ModuleScope scope, java.util.Map<Item.Fn, FnInfo> fns) {}

    public final String name;
    /** Prepended to every mangled symbol of this crate ("" for the user's crate). */
    public final String symbolPrefix;
    public ModuleScope root;
    public final List<ModuleScope> modules = new ArrayList<>();
    public final List<FnInfo> functions = new ArrayList<>();
    public final List<AdtInfo> adts = new ArrayList<>();
    public final List<ConstInfo> consts = new ArrayList<>();
    public final List<StaticInfo> statics = new ArrayList<>();
    public final List<ImplBlock> impls = new ArrayList<>();
    /** The {@code #[panic_handler]} function, if the crate has one. */
    public FnInfo panicHandler;
    /** The {@code #[entry]} function, if the crate has one (it becomes the program's {@code main}). */
    public FnInfo entry;
    /** {@code #[test]} functions, in source order (collected in test builds). */
    public final List<FnInfo> tests = new ArrayList<>();
    /** The crate's {@code #[macro_export]} macros, which crates compiled after it can invoke. */
    public java.util.Map<String, dev.rivet.frontend.parse.MacroDef> macros = java.util.Map.of();
    /** Symbols already given out, so that mangled names stay unique. */
    public final Set<String> symbols = new HashSet<>();

    public Crate(String name, String symbolPrefix) {
        this.name = name;
        this.symbolPrefix = symbolPrefix;
    }

    /** {@code base}, or {@code base$2}, {@code base$3}, ... if taken. */
    public String uniqueSymbol(String base) {
        String s = base;
        for (int n = 2; !symbols.add(s); n++) s = base + "$" + n;
        return s;
    }
}
