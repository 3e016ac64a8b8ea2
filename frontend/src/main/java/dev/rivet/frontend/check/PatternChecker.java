package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.resolve.Def;
import dev.rivet.frontend.resolve.Resolver;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patterns: checks each against the type of the value it matches and binds its names.
 * Match ergonomics apply: a non-reference pattern matched against a reference looks through
 * it, and the bindings inside become references ({@code ref}, or {@code ref mut} under
 * {@code &mut}).
 */
abstract class PatternChecker extends CheckerBase {
    /** The default binding mode while descending through references. */
    protected enum Mode { MOVE, REF, REF_MUT }

    PatternChecker(Sema sema, Env env, Ty returnType) {
        super(sema, env, returnType);
    }

    /** Checks a pattern, collecting its bindings into {@code into} (bound into scope by the caller). */
    protected void pattern(Pat p, Ty expected, Mode mode, Map<String, Local> into) {
        Ty t = shallow(expected);
        if (isStructural(p) && t instanceof Ty.Ref r) {
            int levels = 0;
            boolean mut = true;
            while (shallow(t) instanceof Ty.Ref rr) {
                levels++;
                mut &= rr.mutable();
                t = shallow(rr.inner());
            }
            typing.patternDerefs.put(p, levels);
            pattern(p, t, mode == Mode.REF || !mut ? Mode.REF : Mode.REF_MUT, into);
            return;
        }
        switch (p) {
            case Pat.Wild w -> { }
            case Pat.Rest r -> error(r.span(), "`..` patterns are not allowed here");
            case Pat.Ident id -> ident(id, expected, mode, into);
            case Pat.Lit lit -> literal(lit, expected);
            case Pat.Range range -> range(range, expected);
            case Pat.Tuple tu -> tuple(tu, expected, mode, into);
            case Pat.TupleStruct ts -> tupleStruct(ts, expected, mode, into);
            case Pat.Struct st -> struct(st, expected, mode, into);
            case Pat.PathPat pp -> pathPattern(pp.path(), pp, expected);
            case Pat.Ref ref -> {
                Ty inner = infer.fresh();
                expect(ref.span(), new Ty.Ref(ref.mutable(), inner), expected);
                pattern(ref.inner(), inner, Mode.MOVE, into);
            }
            case Pat.Or or -> or(or, expected, mode, into);
            case Pat.Slice sl -> slice(sl, expected, mode, into);
            case Pat.Macro m -> unsupported(m.span(), "macros in patterns");
        }
    }

    /** Matches and irrefutable patterns, checked for exhaustiveness once the body's types are known. */
    protected final List<Exhaustiveness.Site> exhaustive = new ArrayList<>();
    private final int errorsBefore = sema.diags.errorCount();

    /** E0005: where a pattern must always match (let without else, for, parameters); checked by {@link #checkExhaustive}. */
    protected void requireIrrefutable(Pat p, Ty type, String where) {
        exhaustive.add(new Exhaustiveness.Site.Binding(p, type, where));
    }

    /**
     * E0004 and E0005 in source order, after every body is type-checked (as rustc reports them),
     * unless this body had type errors (its patterns may be half-typed).
     */
    protected void checkExhaustive() {
        if (sema.diags.errorCount() > errorsBefore || exhaustive.isEmpty()) return;
        Exhaustiveness check = new Exhaustiveness(sema.diags, typing);
        List<Exhaustiveness.Site> sites = exhaustive.stream().sorted(java.util.Comparator.comparingInt(PatternChecker::siteStart)).toList();
        sema.exhaustiveness.add(() -> sites.forEach(check::check));
    }

    private static int siteStart(Exhaustiveness.Site site) {
        return switch (site) {
            case Exhaustiveness.Site.Match m -> m.match().span().start();
            case Exhaustiveness.Site.Binding b -> b.pattern().span().start();
        };
    }

    /** Patterns that look through a reference under match ergonomics. */
    private static boolean isStructural(Pat p) {
        return p instanceof Pat.Tuple || p instanceof Pat.TupleStruct || p instanceof Pat.Struct
                || p instanceof Pat.Slice || (p instanceof Pat.Lit l && !(l.value() instanceof Literal.Str) && !(l.value() instanceof Literal.ByteStr))
                || p instanceof Pat.Range || p instanceof Pat.PathPat;
    }

    private void ident(Pat.Ident id, Ty expected, Mode mode, Map<String, Local> into) {
        if (id.sub() == null && !id.byRef() && !id.mutable()) {
            Def d = sema.resolver.lookupFirst(scope(), id.name(), Resolver.Namespace.VALUE, true);
            if (d instanceof Def.Ctor c && c.variant().kind == Item.StructKind.UNIT) {
                unitCtor(id, c, expected, id.span());
                return;
            }
            if (d instanceof Def.Const c) {
                constant(id, sema.consts.value(c.info()), expected, id.span());
                return;
            }
        }
        boolean byRef = id.byRef() || mode != Mode.MOVE;
        boolean mutRef = id.byRef() ? id.mutable() : mode == Mode.REF_MUT;
        Ty type = byRef ? new Ty.Ref(mutRef, expected) : expected;
        Local local = new Local(id.name(), id.mutable() && !id.byRef(), type, id.span());
        if (into.containsKey(id.name()))
            error(id.span(), "identifier `" + id.name() + "` is bound more than once in the same pattern");
        into.put(id.name(), local);
        typing.patterns.put(id, new Typing.PatRes.Binding(local, byRef, mutRef));
        if (id.sub() != null) pattern(id.sub(), expected, mode, into);
    }

    private void unitCtor(Pat p, Def.Ctor c, Ty expected, Span span) {
        expect(span, new Ty.Adt(c.adt()), expected);
        typing.patterns.put(p, new Typing.PatRes.Variant(c.adt(), c.variant()));
    }

    private void constant(Pat p, ConstValue v, Ty expected, Span span) {
        if (v == null) return;
        expect(span, expected, v.type());
        typing.patterns.put(p, new Typing.PatRes.Constant(v));
    }

    private void literal(Pat.Lit lit, Ty expected) {
        ConstValue v = literalValue(lit.value(), lit.negative(), expected, lit.span());
        if (v != null) constant(lit, v, expected, lit.span());
    }

    /** A literal in a pattern, typed by what it is matched against. */
    protected ConstValue literalValue(Literal l, boolean negative, Ty expected, Span span) {
        return switch (l) {
            case Literal.Int i -> {
                // An unsuffixed literal takes the matched type, which must then be an integer.
                Ty t = !i.suffix().isEmpty() ? new Ty.Int(IntKind.byName(i.suffix())) : isInt(expected) ? expected : infer.freshInt();
                if (!expect(span, expected, t) || !isInt(t)) yield null;
                Ty st = shallow(t);
                BigInteger v = negative ? i.value().negate() : i.value();
                if (st instanceof Ty.Int ik && !ik.kind().fits(v))
                    error(span, "literal out of range for `" + ik.kind().name + "`");
                yield new ConstValue.Int(v, t);
            }
            case Literal.Bool b -> new ConstValue.Bool(b.value());
            case Literal.Char c -> new ConstValue.Char(c.codePoint());
            case Literal.Byte b -> new ConstValue.Int(BigInteger.valueOf(b.value()), Ty.U8);
            case Literal.Str s -> new ConstValue.Ref(new ConstValue.StrData(s.value()), Ty.STR_REF);
            case Literal.ByteStr b -> byteString(b.value(), expected);
            default -> {
                unsupported(span, "this literal in a pattern");
                yield null;
            }
        };
    }

    /** {@code b"set"}: a {@code &[u8; 3]}, which matches a {@code &[u8]} too (compared by length and bytes). */
    private ConstValue byteString(byte[] value, Ty expected) {
        List<ConstValue> bytes = new ArrayList<>();
        for (byte x : value) bytes.add(new ConstValue.Int(BigInteger.valueOf(x & 0xFF), Ty.U8));
        Ty array = new Ty.Array(Ty.U8, value.length);
        boolean slice = shallow(expected) instanceof Ty.Ref r && shallow(r.inner()) instanceof Ty.Slice s
                && shallow(s.element()) instanceof Ty.Int i && i.kind() == IntKind.U8;
        return new ConstValue.Ref(new ConstValue.Aggregate(bytes, array), slice ? expected : Ty.ref(array));
    }

    private void range(Pat.Range r, Ty expected) {
        if (!isInt(expected) && !(shallow(expected) instanceof Ty.Char)) {
            error(r.span(), "only `char` and numeric types are allowed in range patterns");
            return;
        }
        for (Pat bound : java.util.Arrays.asList(r.low(), r.high())) {
            if (bound == null) continue;
            pattern(bound, expected, Mode.MOVE, new LinkedHashMap<>());
            if (!(bound instanceof Pat.Lit) && !(typing.patterns.get(bound) instanceof Typing.PatRes.Constant))
                error(bound.span(), "range pattern bounds must be literals or constants");
        }
    }

    private void tuple(Pat.Tuple tu, Ty expected, Mode mode, Map<String, Local> into) {
        int rest = restIndex(tu.elements());
        Ty t = shallow(expected);
        List<Ty> elems;
        if (t instanceof Ty.Tuple tt) {
            elems = tt.elements();
        } else if (rest < 0 && t instanceof Ty.Var) {
            elems = new ArrayList<>();
            for (int i = 0; i < tu.elements().size(); i++) elems.add(infer.fresh());
            if (!expect(tu.span(), new Ty.Tuple(elems), expected)) {
                bindAsErrors(tu.elements(), mode, into);
                return;
            }
        } else {
            if (!isError(t)) error(tu.span(), "mismatched types: expected `" + Ty.show(expected) + "`, found tuple");
            bindAsErrors(tu.elements(), mode, into);
            return;
        }
        positional(tu.elements(), elems, rest, tu.span(), mode, into);
    }

    /** Matches elements against field types, with an optional {@code ..} at {@code rest}. */
    private void positional(List<Pat> pats, List<Ty> types, int rest, Span span, Mode mode, Map<String, Local> into) {
        int fixed = rest < 0 ? pats.size() : pats.size() - 1;
        if (rest < 0 ? fixed != types.size() : fixed > types.size()) {
            error(span, "this pattern has " + fixed + " field" + (fixed == 1 ? "" : "s") + ", but the corresponding type has "
                    + types.size() + " field" + (types.size() == 1 ? "" : "s"));
            bindAsErrors(pats, mode, into);
            return;
        }
        for (int i = 0; i < pats.size(); i++) {
            if (i == rest) continue;
            int index = rest >= 0 && i > rest ? types.size() - (pats.size() - i) : i;
            pattern(pats.get(i), types.get(index), mode, into);
        }
    }

    protected static int restIndex(List<Pat> pats) {
        for (int i = 0; i < pats.size(); i++) if (pats.get(i) instanceof Pat.Rest) return i;
        return -1;
    }

    private void tupleStruct(Pat.TupleStruct ts, Ty expected, Mode mode, Map<String, Local> into) {
        Def d = patternPath(ts.path(), Resolver.Namespace.VALUE);
        if (!(d instanceof Def.Ctor c) || c.variant().kind != Item.StructKind.TUPLE) {
            if (d != null) error(ts.span(), "expected tuple struct or tuple variant, found `" + ts.path() + "`");
            bindAsErrors(ts.elements(), mode, into);
            return;
        }
        expect(ts.span(), new Ty.Adt(c.adt()), expected);
        typing.patterns.put(ts, new Typing.PatRes.Variant(c.adt(), c.variant()));
        positional(ts.elements(), c.variant().fields.stream().map(AdtInfo.Field::type).toList(),
                restIndex(ts.elements()), ts.span(), mode, into);
    }

    private void struct(Pat.Struct st, Ty expected, Mode mode, Map<String, Local> into) {
        Def d = patternPath(st.path(), Resolver.Namespace.TYPE);
        AdtInfo adt;
        AdtInfo.Variant v;
        switch (d) {
            case Def.Adt a when a.adt().kind != AdtInfo.Kind.ENUM -> { adt = a.adt(); v = adt.struct(); }
            case Def.Variant var -> { adt = var.adt(); v = var.variant(); }
            case null -> {
                bindAsErrors(st.fields().stream().map(Pat.FieldPat::pattern).toList(), mode, into);
                return;
            }
            default -> {
                error(st.span(), "expected struct or struct variant, found `" + st.path() + "`");
                bindAsErrors(st.fields().stream().map(Pat.FieldPat::pattern).toList(), mode, into);
                return;
            }
        }
        expect(st.span(), new Ty.Adt(adt), expected);
        typing.patterns.put(st, new Typing.PatRes.Variant(adt, v));
        for (Pat.FieldPat f : st.fields()) {
            int i = v.fieldIndex(f.name());
            if (i < 0) {
                error(f.span(), (adt.kind == AdtInfo.Kind.ENUM ? "variant `" : "struct `") + v.name + "` does not have a field named `" + f.name() + "`");
                bindAsErrors(List.of(f.pattern()), mode, into);
                continue;
            }
            pattern(f.pattern(), v.fields.get(i).type(), mode, into);
        }
        if (!st.rest() && st.fields().size() < v.fields.size())
            error(st.span(), "pattern does not mention all fields of `" + v.name + "`; add `..` to ignore the rest");
    }

    private void pathPattern(Path path, Pat p, Ty expected) {
        if (path.isSingle() && path.last().equals("Self") && env.selfType() != null) {
            error(path.span(), "expected unit struct, found `Self`");
            return;
        }
        Res res = valuePath(path, path.span(), p);
        switch (res) {
            case null -> { }
            case Res.CtorRes c when c.variant().kind == Item.StructKind.UNIT -> unitCtor(p, new Def.Ctor(c.adt(), c.variant()), expected, path.span());
            case Res.ConstRes c -> constant(p, sema.consts.value(c.info()), expected, path.span());
            case Res.ValueRes v -> constant(p, v.value(), expected, path.span());
            default -> error(path.span(), "expected unit struct, unit variant or constant, found `" + path + "`");
        }
    }

    /** Resolves a path used as a value (defined by the path checker layer). */
    abstract Res valuePath(Path path, Span span, Object node);

    private Def patternPath(Path path, Resolver.Namespace ns) {
        if (path.isSingle() && path.last().equals("Self")) {
            if (shallow(env.selfType()) instanceof Ty.Adt a) return ns == Resolver.Namespace.TYPE ? new Def.Adt(a.def())
                    : new Def.Ctor(a.def(), a.def().struct());
        }
        if (path.segments().size() == 2 && path.segments().getFirst().name().equals("Self")
                && shallow(env.selfType()) instanceof Ty.Adt a && a.def().kind == AdtInfo.Kind.ENUM) {
            AdtInfo.Variant v = a.def().variant(path.last());
            if (v == null) {
                error(path.span(), "no variant named `" + path.last() + "` found for enum `" + a.def().name + "`");
                return null;
            }
            return ns == Resolver.Namespace.TYPE ? new Def.Variant(a.def(), v) : new Def.Ctor(a.def(), v);
        }
        Resolver.Resolution r = sema.resolver.resolve(scope(), path, ns);
        if (r == null) return null;
        if (r.used() < path.segments().size()) {
            error(path.span(), "unresolved path `" + path + "` in pattern");
            return null;
        }
        if (r.def() instanceof Def.Unsupported u) {
            unsupported(path.span(), u.what());
            return null;
        }
        return r.def();
    }

    private void or(Pat.Or or, Ty expected, Mode mode, Map<String, Local> into) {
        Map<String, Local> first = null;
        for (Pat alt : or.alternatives()) {
            Map<String, Local> names = new LinkedHashMap<>();
            pattern(alt, expected, mode, names);
            if (first == null) {
                first = names;
                continue;
            }
            if (!names.keySet().equals(first.keySet())) {
                error(alt.span(), "variables must be bound the same way in all alternatives of an `|` pattern");
                continue;
            }
            // Every alternative binds the same locals: reuse the first alternative's.
            for (Map.Entry<String, Local> e : names.entrySet()) {
                expect(alt.span(), first.get(e.getKey()).type, e.getValue().type);
                for (var entry : typing.patterns.entrySet())
                    if (entry.getValue() instanceof Typing.PatRes.Binding b && b.local() == e.getValue())
                        entry.setValue(new Typing.PatRes.Binding(first.get(e.getKey()), b.byRef(), b.mutRef()));
            }
        }
        if (first != null)
            for (Map.Entry<String, Local> e : first.entrySet()) {
                if (into.containsKey(e.getKey()))
                    error(or.span(), "identifier `" + e.getKey() + "` is bound more than once in the same pattern");
                into.put(e.getKey(), e.getValue());
            }
    }

    /**
     * {@code [a, b, rest @ .., z]} against an array (lengths checked here) or a slice (checked
     * at run time: the pattern is then refutable, recorded as {@link Typing.PatRes.SliceLength}).
     */
    private void slice(Pat.Slice sl, Ty expected, Mode mode, Map<String, Local> into) {
        Ty t = shallow(expected);
        Ty element = t instanceof Ty.Array a ? a.element() : t instanceof Ty.Slice s ? s.element() : null;
        if (element == null) {
            if (!isError(t)) error(sl.span(), "expected an array or slice, found `" + Ty.show(expected) + "`");
            bindAsErrors(sl.elements(), mode, into);
            return;
        }
        List<Pat> rests = sl.elements().stream().filter(Pat::isRest).toList();
        if (rests.size() > 1) {
            error(rests.get(1).span(), "`..` can only be used once per slice pattern");
            bindAsErrors(sl.elements(), mode, into);
            return;
        }
        List<Pat> fixed = sl.elements().stream().filter(e -> !Pat.isRest(e)).toList();
        boolean hasRest = !rests.isEmpty();
        if (t instanceof Ty.Array a && (hasRest ? fixed.size() > a.length() : fixed.size() != a.length())) {
            error(sl.span(), "pattern requires " + (hasRest ? "at least " : "") + fixed.size() + " elements but array has " + a.length());
            bindAsErrors(sl.elements(), mode, into);
            return;
        }
        if (t instanceof Ty.Slice) typing.patterns.put(sl, new Typing.PatRes.SliceLength(fixed.size(), hasRest));
        for (Pat e : fixed) pattern(e, element, mode, into);
        if (hasRest && rests.getFirst() instanceof Pat.Ident id) {
            Ty rest = t instanceof Ty.Array a ? new Ty.Array(element, a.length() - fixed.size()) : new Ty.Slice(element);
            bindRest(id, rest, mode, into);
        }
    }

    /** {@code name @ ..}: the middle of an array by value or by reference, of a slice only by reference. */
    private void bindRest(Pat.Ident id, Ty rest, Mode mode, Map<String, Local> into) {
        boolean byRef = id.byRef() || mode != Mode.MOVE;
        if (!byRef && rest instanceof Ty.Slice) {
            error(id.span(), "the size of `" + Ty.show(rest) + "` cannot be known: bind `" + id.name() + "` by reference (`ref " + id.name() + " @ ..`)");
            return;
        }
        boolean mutRef = id.byRef() ? id.mutable() : mode == Mode.REF_MUT;
        Local local = new Local(id.name(), id.mutable() && !id.byRef(), byRef ? new Ty.Ref(mutRef, rest) : rest, id.span());
        if (into.containsKey(id.name()))
            error(id.span(), "identifier `" + id.name() + "` is bound more than once in the same pattern");
        into.put(id.name(), local);
        typing.patterns.put(id, new Typing.PatRes.Binding(local, byRef, mutRef));
    }

    /**
     * After an error in an enclosing pattern: binds the names inside {@code pats} with the error
     * type, so that their uses do not each report "cannot find value" as well.
     */
    private void bindAsErrors(List<Pat> pats, Mode mode, Map<String, Local> into) {
        for (Pat p : pats) {
            if (p instanceof Pat.Ident id && id.sub() instanceof Pat.Rest) bindRest(id, Ty.ERROR, mode, into);
            else if (!(p instanceof Pat.Rest)) pattern(p, Ty.ERROR, mode, into);
        }
    }
}
