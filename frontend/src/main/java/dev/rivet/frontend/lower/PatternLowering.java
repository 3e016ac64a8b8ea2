package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.check.Local;
import dev.rivet.frontend.check.Typing;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Pattern matching against a place: tests and bindings in one left-to-right walk. A failed
 * test jumps to {@code fail}; success falls through with every binding stored in its local's
 * slot. {@code fail == null} marks an irrefutable context (let, parameters), where no tests are
 * emitted.
 */
abstract class PatternLowering extends CallLowering {
    PatternLowering(Lowering lowering, FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    protected void matchPattern(Pat p, Place scrut, Block fail) {
        Integer derefs = typing.patternDerefs.get(p);
        if (derefs != null) scrut = autoderef(scrut, derefs);
        Ty t = strip(scrut.type());
        switch (p) {
            case Pat.Wild w -> { }
            case Pat.Rest r -> { }
            case Pat.Ident id -> ident(id, scrut, fail);
            case Pat.Lit lit -> constantTest(((Typing.PatRes.Constant) typing.patterns.get(lit)).value(), scrut, fail);
            case Pat.PathPat pp -> pathTest(pp, scrut, fail);
            case Pat.Range r -> rangeTest(r, scrut, fail);
            case Pat.Tuple tu -> elements(tu.elements(), scrut, fail, ((Ty.Tuple) t).elements(), null, null);
            case Pat.TupleStruct ts -> variant(ts, ts.elements(), scrut, fail);
            case Pat.Struct st -> structPattern(st, scrut, fail);
            case Pat.Ref ref -> matchPattern(ref.inner(), deref(load(scrut.address(), t), strip(((Ty.Ref) t).inner())), fail);
            case Pat.Or or -> or(or, scrut, fail);
            case Pat.Slice sl -> slicePattern(sl, scrut, fail);
            case Pat.Macro m -> throw new IllegalStateException("macro pattern reached lowering");
        }
    }

    /**
     * {@code [a, rest @ .., z]}: against a slice the length is tested first; elements after the
     * rest are counted from the end, so their addresses depend on the length.
     */
    private void slicePattern(Pat.Slice sl, Place scrut, Block fail) {
        Sequence seq = sequence(scrut);
        List<Pat> elems = sl.elements();
        int rest = -1;
        for (int i = 0; i < elems.size(); i++) if (Pat.isRest(elems.get(i))) rest = i;
        int fixed = rest < 0 ? elems.size() : elems.size() - 1;
        if (typing.patterns.get(sl) instanceof Typing.PatRes.SliceLength && fail != null)
            continueIf(b.icmp(rest < 0 ? Cond.EQ : Cond.UGE, seq.length(), b.iconst(Type.I32, fixed)), fail);
        for (int i = 0; i < elems.size(); i++) {
            Value index = i <= rest || rest < 0 ? b.iconst(Type.I32, i) : b.binary(Op.SUB, seq.length(), b.iconst(Type.I32, elems.size() - i));
            Value address = elementAddress(seq, index);
            if (i != rest) matchPattern(elems.get(i), new Place(address, null, seq.element()), fail);
            else if (elems.get(i) instanceof Pat.Ident id) bindLocal((Typing.PatRes.Binding) typing.patterns.get(id), restPlace(scrut, seq, address, fixed));
        }
    }

    /** The elements a {@code name @ ..} binds: an array of known length, or a sub-slice. */
    private Place restPlace(Place scrut, Sequence seq, Value address, int fixed) {
        if (strip(scrut.type()) instanceof Ty.Array a)
            return new Place(address, null, new Ty.Array(seq.element(), a.length() - fixed));
        return new Place(address, b.binary(Op.SUB, seq.length(), b.iconst(Type.I32, fixed)), new Ty.Slice(seq.element()));
    }

    private void ident(Pat.Ident id, Place scrut, Block fail) {
        Typing.PatRes res = typing.patterns.get(id);
        switch (res) {
            case Typing.PatRes.Variant v -> variantTest(v.adt(), v.variant(), scrut, fail);
            case Typing.PatRes.Constant c -> constantTest(c.value(), scrut, fail);
            case Typing.PatRes.Binding bind -> {
                if (id.sub() != null) matchPattern(id.sub(), scrut, fail);
                bindLocal(bind, scrut);
            }
            default -> throw new IllegalStateException("unresolved pattern " + id.name());
        }
    }

    /** Stores a binding: the value (copied) or, for ref bindings, the place's address. */
    protected void bindLocal(Typing.PatRes.Binding bind, Place scrut) {
        Local local = bind.local();
        Value slot = localAddress(local);
        if (bind.byRef()) store(reference(scrut), slot, strip(local.type));
        else store(read(scrut), slot, strip(local.type));
    }

    private void pathTest(Pat.PathPat pp, Place scrut, Block fail) {
        switch (typing.patterns.get(pp)) {
            case Typing.PatRes.Variant v -> variantTest(v.adt(), v.variant(), scrut, fail);
            case Typing.PatRes.Constant c -> constantTest(c.value(), scrut, fail);
            default -> throw new IllegalStateException("unresolved path pattern");
        }
    }

    private void constantTest(ConstValue v, Place scrut, Block fail) {
        if (fail == null) return;
        Ty t = strip(scrut.type());
        Value eq;
        if (t instanceof Ty.Ref) {
            eq = compare(dev.rivet.frontend.ast.Expr.BinOp.EQ, read(scrut), constant(v, t), t);
        } else {
            Value x = read(scrut).scalar();
            eq = b.icmp(Cond.EQ, x, constant(v, t).scalar());
        }
        continueIf(eq, fail);
    }

    /** Continues in a new block when {@code ok} holds, else jumps to {@code fail}. */
    protected void continueIf(Value ok, Block fail) {
        Block next = b.newBlock();
        b.branch(ok, next, fail);
        b.switchTo(next);
    }

    private void rangeTest(Pat.Range r, Place scrut, Block fail) {
        if (fail == null) return;
        Ty t = strip(scrut.type());
        boolean signed = signed(t);
        Value x = read(scrut).scalar();
        Value ok = b.bool(true);
        if (r.low() != null) ok = b.binary(Op.AND, ok, b.icmp(signed ? Cond.SGE : Cond.UGE, x, bound(r.low(), t)));
        if (r.high() != null)
            ok = b.binary(Op.AND, ok, b.icmp(r.inclusive() ? (signed ? Cond.SLE : Cond.ULE) : (signed ? Cond.SLT : Cond.ULT),
                    x, bound(r.high(), t)));
        continueIf(ok, fail);
    }

    private Value bound(Pat p, Ty t) {
        Typing.PatRes res = typing.patterns.get(p);
        if (res instanceof Typing.PatRes.Constant c) return constant(c.value(), t).scalar();
        Pat.Lit lit = (Pat.Lit) p;
        long v = switch (lit.value()) {
            case Literal.Int i -> lit.negative() ? -i.value().longValue() : i.value().longValue();
            case Literal.Char c -> c.codePoint();
            case Literal.Byte x -> x.value();
            default -> throw new IllegalStateException("range bound");
        };
        return b.iconst(reg(t), v);
    }

    private void variant(Pat p, List<Pat> elems, Place scrut, Block fail) {
        Typing.PatRes.Variant v = (Typing.PatRes.Variant) typing.patterns.get(p);
        variantTest(v.adt(), v.variant(), scrut, fail);
        elements(elems, scrut, fail, v.variant().fields.stream().map(AdtInfo.Field::type).toList(), v.adt(), v.variant());
    }

    /** For enums: the tag must equal the variant's discriminant. */
    protected void variantTest(AdtInfo adt, AdtInfo.Variant v, Place scrut, Block fail) {
        if (fail == null || adt.kind != AdtInfo.Kind.ENUM || adt.variants.size() == 1) return;
        Value tag = discriminant(new Operand.Mem(scrut.address(), false), strip(scrut.type()));
        continueIf(b.icmp(Cond.EQ, tag, b.iconst(tag.type(), v.discriminant.longValue())), fail);
    }

    /** Positional sub-patterns with an optional {@code ..}: tuples, tuple structs and variants. */
    private void elements(List<Pat> pats, Place scrut, Block fail, List<Ty> types, AdtInfo adt, AdtInfo.Variant v) {
        int[] at = positions(pats, types.size());
        Ty t = strip(scrut.type());
        for (int i = 0; i < pats.size(); i++) {
            int index = at[i];
            if (index < 0) continue;
            long off = adt != null && adt.kind == AdtInfo.Kind.ENUM ? variantFieldOffset(t, v, index) : fieldOffset(t, index);
            matchPattern(pats.get(i), new Place(b.offset(scrut.address(), off), null, strip(types.get(index))), fail);
        }
    }

    /** Which element each positional sub-pattern matches: after {@code ..}, counted from the end of {@code count}; -1 for the {@code ..}. */
    private static int[] positions(List<Pat> pats, int count) {
        int rest = pats.size();
        for (int i = 0; i < pats.size(); i++) if (pats.get(i) instanceof Pat.Rest) rest = i;
        int[] at = new int[pats.size()];
        for (int i = 0; i < pats.size(); i++) at[i] = i < rest ? i : i == rest ? -1 : count - (pats.size() - i);
        return at;
    }

    private void structPattern(Pat.Struct st, Place scrut, Block fail) {
        Typing.PatRes.Variant v = (Typing.PatRes.Variant) typing.patterns.get(st);
        variantTest(v.adt(), v.variant(), scrut, fail);
        Ty t = strip(scrut.type());
        for (Pat.FieldPat f : st.fields()) {
            int i = v.variant().fieldIndex(f.name());
            long off = v.adt().kind == AdtInfo.Kind.ENUM ? variantFieldOffset(t, v.variant(), i) : fieldOffset(t, i);
            matchPattern(f.pattern(), new Place(b.offset(scrut.address(), off), null, strip(v.variant().fields.get(i).type())), fail);
        }
    }

    private void or(Pat.Or or, Place scrut, Block fail) {
        Block done = b.newBlock();
        List<Pat> alts = or.alternatives();
        for (int i = 0; i < alts.size(); i++) {
            boolean last = i == alts.size() - 1;
            Block next = last ? fail : b.newBlock();
            matchPattern(alts.get(i), scrut, next);
            b.jump(done);
            if (!last) b.switchTo(next);
        }
        b.switchTo(done);
    }

    protected Layout.Shape shape(Ty t) { return layout(t).shape(); }

    protected Type tagType(Ty t) { return reg(t); }
}
