package dev.rivet.frontend.resolve;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.types.AdtInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name resolution: {@code use} imports (resolved to a fixed point, so imports may depend on
 * each other in any order) and path lookup with Rust 2018 rules. A path's first segment is
 * {@code crate}, {@code self}, {@code super}, a name in scope (block items, then the module's
 * items and imports, then glob imports), an extern crate ({@code core}, {@code std}) or a
 * primitive type. Later segments look inside modules and enums; a path that continues past a
 * type is type-relative ({@code Point::new}) and is left to the type checker.
 */
public final class Resolver {
    /** A resolved path prefix: the definition and how many segments it used. */
    public record Resolution(Def def, int used) {}

    public enum Namespace { TYPE, VALUE }

    private final Diagnostics diags;

    public Resolver(Diagnostics diags) {
        this.diags = diags;
    }

    // ---- imports ----

    private record Pending(ModuleScope scope, Path path, String name, boolean glob, Span span) {}

    /** Resolves every {@code use} in the crate. */
    public void resolveImports(Crate crate) {
        List<Pending> pending = new ArrayList<>();
        for (ModuleScope m : crate.modules)
            for (Item item : m.items)
                if (item instanceof Item.Use u) flatten(m, u.tree(), pending);
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Pending p : new ArrayList<>(pending)) {
                if (tryImport(p)) {
                    pending.remove(p);
                    progress = true;
                }
            }
        }
        for (Pending p : pending) diags.error(p.span(), "unresolved import `" + p.path() + "`");
    }

    private void flatten(ModuleScope m, Item.UseTree tree, List<Pending> out) {
        switch (tree) {
            case Item.UseTree.Simple s -> {
                String name = s.rename() != null ? s.rename() : s.path().last();
                if (name.equals("self")) name = s.path().segments().get(s.path().segments().size() - 2).name();
                out.add(new Pending(m, s.path(), name, false, s.span()));
            }
            case Item.UseTree.Glob g -> out.add(new Pending(m, g.prefix(), null, true, g.span()));
            case Item.UseTree.Group g -> g.trees().forEach(t -> flatten(m, t, out));
        }
    }

    private boolean tryImport(Pending p) {
        List<Path.Segment> segs = p.path().segments();
        if (p.glob()) {
            Def container = resolveContainer(p.scope(), p.path(), segs.size());
            if (container == null) return false;
            if (!p.scope().globs.contains(container)) p.scope().globs.add(container);
            return true;
        }
        if (segs.getLast().name().equals("self")) {
            Def container = resolveContainer(p.scope(), p.path(), segs.size() - 1);
            if (container == null) return false;
            p.scope().types.putIfAbsent(p.name(), container);
            return true;
        }
        Def typeDef, valueDef;
        if (segs.size() == 1 && !p.path().global()) {
            typeDef = lookupFirst(p.scope(), segs.getFirst().name(), Namespace.TYPE, true);
            valueDef = lookupFirst(p.scope(), segs.getFirst().name(), Namespace.VALUE, true);
        } else {
            Def container = resolveContainer(p.scope(), p.path(), segs.size() - 1);
            if (container == null) return false;
            typeDef = member(container, segs.getLast().name(), Namespace.TYPE);
            valueDef = member(container, segs.getLast().name(), Namespace.VALUE);
        }
        if (typeDef == null && valueDef == null) return false;
        if (p.name().equals("_")) return true;
        if (typeDef != null) p.scope().types.putIfAbsent(p.name(), typeDef);
        if (valueDef != null) p.scope().values.putIfAbsent(p.name(), valueDef);
        return true;
    }

    /** The module or enum named by the first {@code count} segments, or null. */
    private Def resolveContainer(ModuleScope scope, Path path, int count) {
        Def d = null;
        List<Path.Segment> segs = path.segments();
        for (int i = 0; i < count; i++) {
            String name = segs.get(i).name();
            d = i == 0 ? first(scope, name, path.global(), true) : member(d, name, Namespace.TYPE);
            if (d == null) return null;
        }
        return d == null && count == 0 && path.global() ? null : d;
    }

    // ---- paths ----

    /**
     * Resolves as much of {@code path} as names modules, enums and items; reports an error and
     * returns null when a segment is not found.
     */
    public Resolution resolve(ModuleScope scope, Path path, Namespace ns) {
        List<Path.Segment> segs = path.segments();
        Def d = null;
        for (int i = 0; i < segs.size(); i++) {
            String name = segs.get(i).name();
            boolean last = i == segs.size() - 1;
            Namespace want = last ? ns : Namespace.TYPE;
            Def next = i == 0 ? (last && !path.global() && !isPathKeyword(name) ? lookupFirst(scope, name, want, false)
                    : first(scope, name, path.global(), false)) : member(d, name, want);
            if (next == null && i > 0 && isType(d)) return new Resolution(d, i);
            if (next == null) {
                notFound(path, i, ns, d);
                return null;
            }
            d = next;
            if (d instanceof Def.Unsupported) return new Resolution(d, i + 1);
            if (!last && isType(d) && !(d instanceof Def.Adt a && a.adt().kind == AdtInfo.Kind.ENUM
                    && a.adt().variant(segs.get(i + 1).name()) != null)) return new Resolution(d, i + 1);
        }
        return new Resolution(d, segs.size());
    }

    private static boolean isPathKeyword(String s) {
        return s.equals("crate") || s.equals("self") || s.equals("super");
    }

    private static boolean isType(Def d) {
        return d instanceof Def.Adt || d instanceof Def.Prim || d instanceof Def.Alias;
    }

    private void notFound(Path path, int index, Namespace ns, Def container) {
        Path.Segment s = path.segments().get(index);
        String what = ns == Namespace.VALUE && index == path.segments().size() - 1 ? "value" : "type";
        if (index == 0) {
            String unsupported = Builtins.UNSUPPORTED_PRELUDE.get(s.name());
            if (unsupported != null) diags.unsupported(s.span(), unsupported);
            else diags.error(s.span(), "cannot find " + what + " `" + s.name() + "` in this scope");
        } else {
            String in = path.segments().get(index - 1).name();
            if (container instanceof Def.Adt a && a.adt().kind == AdtInfo.Kind.ENUM)
                diags.error(s.span(), "no variant named `" + s.name() + "` found for enum `" + a.adt().name + "`");
            else diags.error(s.span(), "cannot find " + what + " `" + s.name() + "` in `" + in + "`");
        }
    }

    /** The first segment: a path keyword, an extern crate, or a name in scope. */
    private Def first(ModuleScope scope, String name, boolean global, boolean quiet) {
        if (global) return externCrate(name);
        ModuleScope module = enclosingModule(scope);
        return switch (name) {
            case "crate" -> new Def.Mod(scope.root());
            case "self" -> new Def.Mod(module);
            case "super" -> module.parent == null ? null : new Def.Mod(enclosingModule(module.parent));
            default -> lookupFirst(scope, name, Namespace.TYPE, quiet);
        };
    }

    private static ModuleScope enclosingModule(ModuleScope s) {
        while (s.parent != null && s.name.equals("{block}")) s = s.parent;
        return s;
    }

    private static Def externCrate(String name) {
        return switch (name) {
            case "core", "std" -> new Def.Mod(Builtins.core());
            case "rivet" -> new Def.Mod(Builtins.rivet());
            case "cortex_m_rt", "riscv_rt" -> new Def.Mod(Builtins.runtimeCrate(name));
            default -> null;
        };
    }

    /** A single name: block scopes, the module and its globs, extern crates, then primitives. */
    public Def lookupFirst(ModuleScope scope, String name, Namespace ns, boolean quiet) {
        name = dev.rivet.frontend.Names.base(name); // items are not hygienic: a macro's `x` finds the item `x`
        for (ModuleScope s = scope; s != null; s = s.parent) {
            Def d = local(s, name, ns);
            if (d != null) return d;
            if (!s.name.equals("{block}")) break;
        }
        if (ns == Namespace.TYPE) {
            Def ext = externCrate(name);
            if (ext != null) return ext;
            var prim = Builtins.PRIMITIVES.get(name);
            if (prim != null) {
                if (name.startsWith("f")) return new Def.Unsupported("floating-point types (tier 3)");
                if (name.endsWith("128")) return new Def.Unsupported("128-bit integers (tier 3)");
                return new Def.Prim(prim);
            }
        }
        return null;
    }

    private Def local(ModuleScope s, String name, Namespace ns) {
        Def d = (ns == Namespace.TYPE ? s.types : s.values).get(name);
        if (d != null) return d;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Def g : s.globs) {
            Def found = globMember(g, name, ns, seen);
            if (found != null) return found;
        }
        return null;
    }

    private Def globMember(Def container, String name, Namespace ns, Set<Object> seen) {
        if (container instanceof Def.Mod m) {
            if (!seen.add(m.module())) return null;
            Def d = (ns == Namespace.TYPE ? m.module().types : m.module().values).get(name);
            if (d != null) return d;
            for (Def g : m.module().globs) {
                Def found = globMember(g, name, ns, seen);
                if (found != null) return found;
            }
            return null;
        }
        return member(container, name, ns);
    }

    /** A name inside a module or enum. */
    public Def member(Def container, String name, Namespace ns) {
        return switch (container) {
            case Def.Mod m when name.equals("super") -> { // super::super::x
                ModuleScope parent = m.module().parent;
                yield ns == Namespace.TYPE && parent != null ? new Def.Mod(enclosingModule(parent)) : null;
            }
            case Def.Mod m -> {
                Def d = (ns == Namespace.TYPE ? m.module().types : m.module().values).get(name);
                if (d == null) d = globMember(container, name, ns, Collections.newSetFromMap(new IdentityHashMap<>()));
                yield d;
            }
            case Def.Adt a when a.adt().kind == AdtInfo.Kind.ENUM -> {
                AdtInfo.Variant v = a.adt().variant(name);
                if (v == null) yield null;
                if (ns == Namespace.VALUE) yield v.kind == Item.StructKind.NAMED ? null : new Def.Ctor(a.adt(), v);
                yield new Def.Variant(a.adt(), v);
            }
            default -> null;
        };
    }

    /** Resolves a value path whose last segment is a variant or constructor, for the value namespace with a type fallback. */
    public static Map<String, Def> valuesOf(ModuleScope m) { return m.values; }
}
