package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The patterns of one body as the exhaustiveness check sees them ({@link DPat}: a constructor,
 * its fields, the type matched), what each type's constructors are, and how a witness of a
 * missing case is written (as rustc writes it: {@code E::B(1_u8..=u8::MAX)}, {@code &[_, _, ..]}).
 * Match ergonomics become explicit reference patterns, constants become the patterns of their
 * values, and {@code ..} becomes wildcards.
 */
final class PatSpace {
    /** A deconstructed pattern. An or-pattern has {@link PatCtor.Or} and its alternatives as fields. */
    record DPat(PatCtor ctor, List<DPat> fields, Ty type) {
        static DPat wild(Ty type) { return new DPat(PatCtor.WILDCARD, List.of(), type); }
    }

    private static final BigInteger CHAR_GAP_LO = BigInteger.valueOf(0xD800), CHAR_GAP_HI = BigInteger.valueOf(0xDFFF);
    private static final BigInteger CHAR_MAX = BigInteger.valueOf(0x10FFFF);

    private final Typing typing;

    PatSpace(Typing typing) {
        this.typing = typing;
    }

    // ---- from the AST ----

    /** {@code p} matched against a value of type {@code t}. */
    DPat of(Pat p, Ty t) {
        t = Infer.resolve(t, true);
        int derefs = typing.patternDerefs.getOrDefault(p, 0);
        if (derefs > 0 && t instanceof Ty.Ref r) {
            List<Ty.Ref> refs = new ArrayList<>();
            Ty inner = t;
            for (int i = 0; i < derefs && inner instanceof Ty.Ref ri; i++) {
                refs.add(ri);
                inner = Infer.resolve(ri.inner(), true);
            }
            DPat d = direct(p, inner);
            for (int i = refs.size() - 1; i >= 0; i--) d = new DPat(PatCtor.SINGLE, List.of(d), refs.get(i));
            return d;
        }
        return direct(p, t);
    }

    private DPat direct(Pat p, Ty t) {
        return switch (p) {
            case Pat.Wild w -> DPat.wild(t);
            case Pat.Rest r -> DPat.wild(t);
            case Pat.Macro m -> DPat.wild(t);
            case Pat.Ident id -> switch (typing.patterns.get(id)) {
                case Typing.PatRes.Variant v -> variant(v, List.of(), t);
                case Typing.PatRes.Constant c -> constant(c.value(), t);
                case null, default -> id.sub() == null || Pat.isRest(id.sub()) ? DPat.wild(t) : of(id.sub(), t);
            };
            case Pat.PathPat pp -> switch (typing.patterns.get(pp)) {
                case Typing.PatRes.Variant v -> variant(v, List.of(), t);
                case Typing.PatRes.Constant c -> constant(c.value(), t);
                case null, default -> DPat.wild(t);
            };
            case Pat.Lit lit -> typing.patterns.get(lit) instanceof Typing.PatRes.Constant c ? constant(c.value(), t)
                    : lit.value() instanceof Literal.ByteStr b ? byteString(b.value(), t) : DPat.wild(t);
            case Pat.Range r -> range(r, t);
            case Pat.Tuple tu -> new DPat(PatCtor.SINGLE, positional(tu.elements(), fieldTypes(PatCtor.SINGLE, t)), t);
            case Pat.TupleStruct ts -> typing.patterns.get(ts) instanceof Typing.PatRes.Variant v ? variant(v, ts.elements(), t) : DPat.wild(t);
            case Pat.Struct st -> typing.patterns.get(st) instanceof Typing.PatRes.Variant v ? struct(v, st, t) : DPat.wild(t);
            case Pat.Ref ref -> t instanceof Ty.Ref r ? new DPat(PatCtor.SINGLE, List.of(of(ref.inner(), r.inner())), t) : DPat.wild(t);
            case Pat.Or or -> new DPat(new PatCtor.Or(), or.alternatives().stream().map(a -> of(a, t)).toList(), t);
            case Pat.Slice sl -> slice(sl, t);
        };
    }

    private DPat variant(Typing.PatRes.Variant v, List<Pat> elements, Ty t) {
        PatCtor c = v.adt().kind == AdtInfo.Kind.ENUM ? new PatCtor.Variant(v.variant()) : PatCtor.SINGLE;
        return new DPat(c, positional(elements, fieldTypes(c, t)), t);
    }

    private DPat struct(Typing.PatRes.Variant v, Pat.Struct st, Ty t) {
        PatCtor c = v.adt().kind == AdtInfo.Kind.ENUM ? new PatCtor.Variant(v.variant()) : PatCtor.SINGLE;
        List<Ty> types = fieldTypes(c, t);
        List<DPat> fields = new ArrayList<>(types.stream().map(DPat::wild).toList());
        for (Pat.FieldPat f : st.fields()) {
            int i = v.variant().fieldIndex(f.name());
            if (i >= 0 && i < fields.size()) fields.set(i, of(f.pattern(), types.get(i)));
        }
        return new DPat(c, fields, t);
    }

    /** Elements against field types, {@code ..} standing for as many wildcards as fields are left. */
    private List<DPat> positional(List<Pat> pats, List<Ty> types) {
        int rest = PatternChecker.restIndex(pats);
        List<DPat> out = new ArrayList<>();
        int fixed = rest < 0 ? pats.size() : pats.size() - 1;
        for (int i = 0, field = 0; i < pats.size() && field < types.size(); i++) {
            if (i == rest) {
                for (int k = 0; k < types.size() - fixed && field < types.size(); k++) out.add(DPat.wild(types.get(field++)));
                continue;
            }
            out.add(of(pats.get(i), types.get(field++)));
        }
        while (out.size() < types.size()) out.add(DPat.wild(types.get(out.size())));
        return out;
    }

    private DPat slice(Pat.Slice sl, Ty t) {
        Ty element = t instanceof Ty.Array a ? a.element() : t instanceof Ty.Slice s ? s.element() : null;
        if (element == null) return DPat.wild(t);
        int rest = -1;
        for (int i = 0; i < sl.elements().size(); i++) if (Pat.isRest(sl.elements().get(i))) rest = i;
        List<Pat> prefix = rest < 0 ? sl.elements() : sl.elements().subList(0, rest);
        List<Pat> suffix = rest < 0 ? List.of() : sl.elements().subList(rest + 1, sl.elements().size());
        List<DPat> fields = new ArrayList<>();
        for (Pat e : prefix) fields.add(of(e, element));
        if (t instanceof Ty.Array a) { // an array has one length: `..` is that many wildcards
            for (long k = prefix.size() + suffix.size(); k < a.length(); k++) fields.add(DPat.wild(element));
            for (Pat e : suffix) fields.add(of(e, element));
            return new DPat(new PatCtor.Slice(fields.size(), 0, false), fields, t);
        }
        for (Pat e : suffix) fields.add(of(e, element));
        return new DPat(new PatCtor.Slice(prefix.size(), suffix.size(), rest >= 0), fields, t);
    }

    private DPat range(Pat.Range r, Ty t) {
        BigInteger[] whole = bounds(t);
        if (whole == null) return DPat.wild(t);
        BigInteger lo = r.low() == null ? whole[0] : bound(r.low());
        BigInteger hi = r.high() == null ? whole[1] : bound(r.high());
        if (lo == null || hi == null) return DPat.wild(t);
        if (r.high() != null && !r.inclusive()) hi = hi.subtract(BigInteger.ONE);
        if (lo.compareTo(hi) > 0) return new DPat(new PatCtor.Opaque(r), List.of(), t); // empty: matches nothing
        return new DPat(new PatCtor.IntRange(lo, hi), List.of(), t);
    }

    private BigInteger bound(Pat p) {
        if (!(typing.patterns.get(p) instanceof Typing.PatRes.Constant c)) return null;
        return switch (c.value()) {
            case ConstValue.Int i -> i.value();
            case ConstValue.Char ch -> BigInteger.valueOf(ch.codePoint());
            default -> null;
        };
    }

    /** The pattern a constant stands for: its value's constructors all the way down. */
    DPat constant(ConstValue v, Ty type) {
        Ty t = Infer.resolve(type, true);
        return switch (v) {
            case ConstValue.Int i -> new DPat(new PatCtor.IntRange(i.value(), i.value()), List.of(), t);
            case ConstValue.Char c -> {
                BigInteger cp = BigInteger.valueOf(c.codePoint());
                yield new DPat(new PatCtor.IntRange(cp, cp), List.of(), t);
            }
            case ConstValue.Bool b -> new DPat(new PatCtor.Bool(b.value()), List.of(), t);
            case ConstValue.Ref r when t instanceof Ty.Ref rt -> new DPat(PatCtor.SINGLE, List.of(referent(r.target(), rt.inner())), t);
            case ConstValue.Enum e -> {
                PatCtor c = new PatCtor.Variant(e.variant());
                yield new DPat(c, constants(e.fields(), fieldTypes(c, t)), t);
            }
            case ConstValue.Aggregate a when t instanceof Ty.Array || t instanceof Ty.Slice ->
                    new DPat(new PatCtor.Slice(a.elements().size(), 0, false), constants(a.elements(), fieldTypes(
                            new PatCtor.Slice(a.elements().size(), 0, false), t)), t);
            case ConstValue.Aggregate a -> new DPat(PatCtor.SINGLE, constants(a.elements(), fieldTypes(PatCtor.SINGLE, t)), t);
            default -> new DPat(new PatCtor.Opaque(v), List.of(), t);
        };
    }

    private DPat referent(ConstValue target, Ty t) {
        Ty inner = Infer.resolve(t, true);
        if (target instanceof ConstValue.StrData s) return new DPat(new PatCtor.Opaque(s.text()), List.of(), inner);
        return constant(target, inner);
    }

    private List<DPat> constants(List<ConstValue> values, List<Ty> types) {
        List<DPat> out = new ArrayList<>();
        for (int i = 0; i < values.size() && i < types.size(); i++) out.add(constant(values.get(i), types.get(i)));
        return out;
    }

    /** {@code b"set"} against {@code &[u8; N]} or {@code &[u8]}: a reference to that many byte constants. */
    private DPat byteString(byte[] bytes, Ty t) {
        if (!(t instanceof Ty.Ref r)) return DPat.wild(t);
        Ty inner = Infer.resolve(r.inner(), true);
        List<DPat> elems = new ArrayList<>();
        for (byte b : bytes) {
            BigInteger v = BigInteger.valueOf(b & 0xFF);
            elems.add(new DPat(new PatCtor.IntRange(v, v), List.of(), Ty.U8));
        }
        return new DPat(PatCtor.SINGLE, List.of(new DPat(new PatCtor.Slice(bytes.length, 0, false), elems, inner)), t);
    }

    // ---- types ----

    /** The types of the fields of constructor {@code c} of type {@code t}. */
    static List<Ty> fieldTypes(PatCtor c, Ty t) {
        t = Infer.resolve(t, true);
        return switch (c) {
            case PatCtor.Single s -> switch (t) {
                case Ty.Tuple tu -> tu.elements();
                case Ty.Ref r -> List.of(r.inner());
                case Ty.Adt a when a.def().kind == AdtInfo.Kind.STRUCT -> a.def().struct().fields.stream().map(AdtInfo.Field::type).toList();
                default -> List.of();
            };
            case PatCtor.Variant v -> v.variant().fields.stream().map(AdtInfo.Field::type).toList();
            case PatCtor.Slice s -> Collections.nCopies(s.arity(), t instanceof Ty.Array a ? a.element()
                    : t instanceof Ty.Slice sl ? sl.element() : Ty.ERROR);
            default -> List.of();
        };
    }

    /** How {@code t}'s values are built: the split of {@code seen} against its constructors. */
    static PatCtor.Split split(Ty t, List<PatCtor> seen) {
        t = Infer.resolve(t, true);
        return switch (t) {
            case Ty.Bool b -> PatCtor.splitBool(seen);
            case Ty.Int i -> PatCtor.splitRanges(List.of(new PatCtor.IntRange(bounds(t)[0], bounds(t)[1])), seen);
            case Ty.Char c -> PatCtor.splitRanges(List.of(new PatCtor.IntRange(BigInteger.ZERO, CHAR_GAP_LO.subtract(BigInteger.ONE)),
                    new PatCtor.IntRange(CHAR_GAP_HI.add(BigInteger.ONE), CHAR_MAX)), seen);
            case Ty.Adt a when a.def().kind == AdtInfo.Kind.ENUM -> PatCtor.splitVariants(a.def().variants, seen);
            case Ty.Adt a when a.def().kind == AdtInfo.Kind.STRUCT -> new PatCtor.Split(List.of(PatCtor.SINGLE), List.of());
            case Ty.Tuple tu -> new PatCtor.Split(List.of(PatCtor.SINGLE), List.of());
            case Ty.Ref r -> new PatCtor.Split(List.of(PatCtor.SINGLE), List.of());
            case Ty.Array a -> PatCtor.splitSlices(a.length(), seen);
            case Ty.Slice s -> PatCtor.splitSlices(-1, seen);
            case Ty.Never n -> new PatCtor.Split(List.of(), List.of());
            default -> { // str constants, pointers, unions: only a wildcard covers them
                List<PatCtor> present = new ArrayList<>();
                for (PatCtor c : seen) if (c instanceof PatCtor.Opaque && !present.contains(c)) present.add(c);
                yield new PatCtor.Split(present, List.of(new PatCtor.NonExhaustive()));
            }
        };
    }

    /**
     * The smallest and largest value of an integer or char type; usize and isize reach one
     * beyond (see {@link PatCtor.IntRange}); null for other types.
     */
    static BigInteger[] bounds(Ty t) {
        if (t instanceof Ty.Char) return new BigInteger[] {BigInteger.ZERO, CHAR_MAX};
        if (!(t instanceof Ty.Int i)) return null;
        IntKind k = i.kind();
        boolean pointerSized = k == IntKind.USIZE || k == IntKind.ISIZE;
        BigInteger lo = pointerSized && k.signed ? k.min().subtract(BigInteger.ONE) : k.min();
        return new BigInteger[] {lo, pointerSized ? k.max().add(BigInteger.ONE) : k.max()};
    }

    /** Whether {@code t} has no values at all (so an empty match on it is exhaustive). */
    static boolean isEmpty(Ty t) {
        t = Infer.resolve(t, true);
        return t instanceof Ty.Never || (t instanceof Ty.Adt a && a.def().kind == AdtInfo.Kind.ENUM && a.def().variants.isEmpty());
    }

    /** The fields {@code head}'s row contributes when specialized by the split constructor {@code c}. */
    static List<DPat> specializedFields(DPat head, PatCtor c, Ty t) {
        List<Ty> types = fieldTypes(c, t);
        if (head.ctor() instanceof PatCtor.Wildcard) return types.stream().map(DPat::wild).toList();
        if (head.ctor() instanceof PatCtor.Slice hs && c instanceof PatCtor.Slice cs && hs.variable()) {
            List<DPat> out = new ArrayList<>(head.fields().subList(0, hs.prefix()));
            for (int k = hs.arity(); k < cs.arity(); k++) out.add(DPat.wild(types.get(out.size())));
            out.addAll(head.fields().subList(hs.prefix(), hs.arity()));
            return out;
        }
        return head.fields();
    }
}
