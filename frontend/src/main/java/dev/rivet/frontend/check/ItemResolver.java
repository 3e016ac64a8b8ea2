package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Generics;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.Crate;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.StaticInfo;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves what items declare: struct and variant field types, enum discriminants, the
 * methods and associated constants that inherent impls attach, function signatures, and the
 * declared types of consts and statics. Everything is resolved on first use and cached.
 */
public final class ItemResolver {
    private final Sema sema;
    private final Set<AdtInfo> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    ItemResolver(Sema sema) {
        this.sema = sema;
    }

    private static boolean hasTypeParams(Generics g) {
        return g.params().stream().anyMatch(p -> !(p instanceof Generics.Param.Lifetime)) || !g.where().isEmpty();
    }

    // ---- ADTs ----

    public void resolveAdt(AdtInfo adt) {
        if (adt.resolved || !inProgress.add(adt)) return;
        Env env = new Env(adt.scope, new Ty.Adt(adt), null);
        switch (adt.ast) {
            case Item.Struct s -> {
                if (hasTypeParams(s.generics())) sema.diags.unsupported(s.nameSpan(), "generic structs (tier 2)");
                fields(adt.struct(), s.fields(), env);
            }
            case Item.Union u -> fields(adt.struct(), u.fields(), env);
            case Item.Enum e -> {
                if (hasTypeParams(e.generics())) sema.diags.unsupported(e.nameSpan(), "generic enums (tier 2)");
                for (int i = 0; i < e.variants().size(); i++) fields(adt.variants.get(i), e.variants().get(i).fields(), env);
                discriminants(adt, e);
            }
            default -> { }
        }
        adt.resolved = true;
        inProgress.remove(adt);
        for (AdtInfo.Variant v : adt.variants)
            for (AdtInfo.Field f : v.fields)
                if (TypeResolver.containsByValue(f.type(), adt)) {
                    sema.diags.error(adt.ast.nameSpan(), "recursive type `" + adt.name + "` has infinite size");
                    return;
                }
    }

    private void fields(AdtInfo.Variant v, List<Item.Field> fields, Env env) {
        for (Item.Field f : fields) {
            Ty t = sema.types.resolve(f.type(), env);
            if (t instanceof Ty.Str || t instanceof Ty.Slice) {
                sema.diags.unsupported(f.type().span(), "unsized fields");
                t = Ty.ERROR;
            }
            if (v.fieldIndex(f.name()) >= 0) sema.diags.error(f.span(), "field `" + f.name() + "` is already declared");
            v.fields.add(new AdtInfo.Field(f.name(), t));
        }
    }

    private void discriminants(AdtInfo adt, Item.Enum e) {
        Ty tagType = new Ty.Int(adt.reprInt != null ? adt.reprInt : IntKind.ISIZE);
        BigInteger next = BigInteger.ZERO;
        Map<BigInteger, String> seen = new HashMap<>();
        for (int i = 0; i < e.variants().size(); i++) {
            Item.Variant ast = e.variants().get(i);
            BigInteger value = next;
            if (ast.discriminant() != null) {
                ConstValue c = sema.consts.evaluate(ast.discriminant(), tagType, new Env(adt.scope, null, null));
                if (c instanceof ConstValue.Int n) value = n.value();
            }
            String previous = seen.put(value, ast.name());
            if (previous != null)
                sema.diags.error(ast.span(), "discriminant value `" + value + "` assigned more than once");
            adt.variants.get(i).discriminant = value;
            next = value.add(BigInteger.ONE);
        }
    }

    // ---- impls ----

    /** Attaches the methods and constants of every inherent impl in the crate to their types. */
    public void collectImpls(Crate crate) {
        for (Crate.ImplBlock block : crate.impls) impl(crate, block);
    }

    private void impl(Crate crate, Crate.ImplBlock block) {
        Item.Impl impl = block.ast();
        ModuleScope scope = block.scope();
        if (impl.trait() != null || hasTypeParams(impl.generics())) {
            sema.diags.unsupported(impl.span(), impl.trait() != null ? "trait implementations (tier 2)" : "generic impl blocks (tier 2)");
            block.fns().values().forEach(f -> f.skipped = true);
            return;
        }
        Ty self = sema.types.resolve(impl.selfType(), new Env(scope, null, null));
        if (!(self instanceof Ty.Adt adt)) {
            block.fns().values().forEach(f -> f.skipped = true);
            if (!(self instanceof Ty.Error))
                sema.diags.error(impl.selfType().span(), "cannot define inherent `impl` for primitive types");
            return;
        }
        AdtInfo info = adt.def();
        for (Item item : impl.items()) {
            switch (item) {
                case Item.Fn f -> {
                    FnInfo fn = block.fns().get(f);
                    fn.selfType = self;
                    if (info.methods.containsKey(f.name()) || info.consts.containsKey(f.name()))
                        sema.diags.error(f.nameSpan(), "duplicate definitions with name `" + f.name() + "`");
                    else info.methods.put(f.name(), fn);
                }
                case Item.Const c -> {
                    ConstInfo ci = new ConstInfo(c.name(), c, scope, self);
                    crate.consts.add(ci);
                    if (c.value() == null) sema.diags.error(c.span(), "associated constant in `impl` without body");
                    info.consts.put(c.name(), ci);
                }
                case Item.TypeAlias t -> sema.diags.unsupported(t.span(), "associated types in inherent impls");
                default -> sema.diags.error(item.span(), "this item cannot appear in an `impl` block");
            }
        }
    }

    // ---- signatures ----

    public void signature(FnInfo fn) {
        if (fn.params != null) return;
        Item.Fn ast = fn.ast;
        Env env = new Env(fn.scope, fn.selfType, null);
        List<Ty> params = new ArrayList<>();
        if (hasTypeParams(ast.generics())) {
            sema.diags.unsupported(ast.nameSpan(), "generic functions (tier 2)");
            fn.skipped = true;
            fn.params = List.of();
            fn.ret = Ty.ERROR;
            return;
        }
        if (ast.isAsync()) sema.diags.unsupported(ast.nameSpan(), "async functions");
        Ty self = fn.selfType != null ? fn.selfType : Ty.ERROR;
        switch (ast.self()) {
            case NONE -> { }
            case VALUE -> params.add(self);
            case REF -> params.add(new Ty.Ref(false, self));
            case REF_MUT -> params.add(new Ty.Ref(true, self));
        }
        if (ast.self() != Item.SelfKind.NONE && fn.selfType == null)
            sema.diags.error(ast.nameSpan(), "`self` parameter is only allowed in associated functions");
        for (Item.Param p : ast.params()) params.add(sema.types.resolve(p.type(), env));
        fn.params = params;
        fn.ret = ast.ret() == null ? Ty.UNIT : sema.types.resolve(ast.ret(), env);
    }

    public Ty constType(ConstInfo c) {
        if (c.type == null) c.type = sema.types.resolve(c.ast.type(), new Env(c.scope, c.selfType, null));
        return c.type;
    }

    public Ty staticType(StaticInfo s) {
        if (s.type == null) s.type = sema.types.resolve(s.ast.type(), new Env(s.scope, null, null));
        return s.type;
    }
}
