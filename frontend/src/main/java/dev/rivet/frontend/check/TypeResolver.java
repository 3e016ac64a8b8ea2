package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.resolve.Def;
import dev.rivet.frontend.resolve.Resolver;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Ty;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Turns types as written into semantic types, evaluating array lengths as constants. */
public final class TypeResolver {
    private final Sema sema;
    private final Set<Object> aliasesInProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    TypeResolver(Sema sema) {
        this.sema = sema;
    }

    public Ty resolve(TypeExpr t, Env env) {
        return switch (t) {
            case TypeExpr.PathType p -> path(p.path(), env);
            case TypeExpr.Ref r -> new Ty.Ref(r.mutable(), resolve(r.inner(), env));
            case TypeExpr.Ptr p -> new Ty.Ptr(p.mutable(), resolve(p.inner(), env));
            case TypeExpr.Slice s -> new Ty.Slice(sized(s.element(), env));
            case TypeExpr.Array a -> {
                Ty elem = sized(a.element(), env);
                long len = sema.consts.arrayLength(a.length(), env);
                yield len < 0 ? Ty.ERROR : new Ty.Array(elem, len);
            }
            case TypeExpr.Tuple tu -> new Ty.Tuple(tu.elements().stream().map(e -> sized(e, env)).toList());
            case TypeExpr.Never n -> Ty.NEVER;
            case TypeExpr.Infer i -> {
                if (env.infer() != null) yield env.infer().fresh();
                sema.diags.error(i.span(), "the placeholder `_` is not allowed within types on item signatures");
                yield Ty.ERROR;
            }
            case TypeExpr.FnPtr f -> new Ty.FnPtr(f.params().stream().map(p -> resolve(p, env)).toList(),
                    f.ret() == null ? Ty.UNIT : resolve(f.ret(), env));
            case TypeExpr.ImplTrait i -> unsupported(i.span(), "`impl Trait` types (tier 2)");
            case TypeExpr.DynTrait d -> unsupported(d.span(), "trait objects (tier 2)");
            case TypeExpr.Macro m -> unsupported(m.span(), "macros in type position");
        };
    }

    /** A type that must have a known size (array and tuple elements). */
    private Ty sized(TypeExpr t, Env env) {
        Ty ty = resolve(t, env);
        if (ty instanceof Ty.Str || ty instanceof Ty.Slice) {
            sema.diags.error(t.span(), "the size for values of type `" + Ty.show(ty) + "` cannot be known at compilation time");
            return Ty.ERROR;
        }
        return ty;
    }

    private Ty unsupported(Span span, String what) {
        sema.diags.unsupported(span, what);
        return Ty.ERROR;
    }

    private Ty path(Path p, Env env) {
        if (p.qself() != null) return unsupported(p.span(), "qualified paths `<T as Trait>::X`");
        if (p.segments().size() == 1 && p.segments().getFirst().name().equals("Self") && !p.global()) {
            if (env.selfType() == null) {
                sema.diags.error(p.span(), "cannot find type `Self` in this scope");
                return Ty.ERROR;
            }
            return env.selfType();
        }
        if (p.hasGenericArgs() && p.segments().stream().anyMatch(s -> s.args().stream()
                .anyMatch(a -> !(a instanceof Path.GenericArg.Lifetime))))
            return unsupported(p.span(), "generic type arguments (tier 2)");
        Resolver.Resolution r = sema.resolver.resolve(env.scope(), p, Resolver.Namespace.TYPE);
        if (r == null) return Ty.ERROR;
        if (r.used() < p.segments().size() && !(r.def() instanceof Def.Unsupported))
            return unsupported(p.span(), "associated types");
        return switch (r.def()) {
            case Def.Prim prim -> prim.type();
            case Def.Adt a -> {
                sema.items.resolveAdt(a.adt());
                yield new Ty.Adt(a.adt());
            }
            case Def.Alias alias -> alias(alias, p.span());
            case Def.Unsupported u -> unsupported(p.span(), u.what());
            case Def.Variant v -> error(p.span(), "expected type, found variant `" + p + "`");
            case Def.Mod m -> error(p.span(), "expected type, found module `" + p + "`");
            case Def.Trait t -> unsupported(p.span(), "trait objects (tier 2)");
            default -> error(p.span(), "expected type, found `" + p + "`");
        };
    }

    private Ty alias(Def.Alias alias, Span use) {
        if (alias.ast().type() == null) return Ty.ERROR;
        if (!alias.ast().generics().isEmpty()) return unsupported(alias.ast().span(), "generic type aliases (tier 2)");
        if (!aliasesInProgress.add(alias.ast())) return error(use, "cycle detected when expanding type alias `" + alias.ast().name() + "`");
        try {
            return resolve(alias.ast().type(), new Env(alias.scope(), null, null));
        } finally {
            aliasesInProgress.remove(alias.ast());
        }
    }

    private Ty error(Span span, String message) {
        sema.diags.error(span, message);
        return Ty.ERROR;
    }

    /** True for field types that make an ADT refer to itself without indirection. */
    static boolean containsByValue(Ty t, AdtInfo adt) {
        return switch (t) {
            case Ty.Adt a -> a.def() == adt || a.def().variants.stream()
                    .anyMatch(v -> v.fields.stream().anyMatch(f -> f.type() != null && containsByValue(f.type(), adt)));
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(e -> containsByValue(e, adt));
            case Ty.Array a -> containsByValue(a.element(), adt);
            default -> false;
        };
    }
}
