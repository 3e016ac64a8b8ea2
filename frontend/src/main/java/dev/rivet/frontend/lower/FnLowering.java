package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.check.Typing;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Param;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One function: parameters arrive as the ABI passes them and are stored into their locals
 * (aggregates passed by pointer already live in callee-owned memory and are used in place);
 * the body's value is returned directly, or written through the hidden result pointer.
 */
final class FnLowering extends ExprLowering {
    private Value sret;

    FnLowering(Lowering lowering, FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    void lower() {
        List<Param> params = b.fn.entry().params();
        int k = 0;
        Ty ret = strip(fnInfo.ret);
        if (lowering.abi.hasSret(ret)) sret = params.get(k++);
        List<Ty> types = fnInfo.params.stream().map(LowerBase::strip).toList();
        int offset = fnInfo.isMethod() ? 1 : 0;
        for (int i = 0; i < types.size(); i++) {
            Ty t = types.get(i);
            List<Value> values = new ArrayList<>();
            switch (lowering.abi.kind(t)) {
                case SCALAR -> values.add(params.get(k++));
                case PAIR -> {
                    values.add(params.get(k++));
                    values.add(params.get(k++));
                }
                case INDIRECT -> values.add(params.get(k++));
                case NONE -> { }
            }
            Place place = parameterPlace(t, values);
            if (i < offset) {
                locals.put(typing.selfLocal, place.address());
                continue;
            }
            Pat pat = fnInfo.ast.params().get(i - offset).pattern();
            // A parameter bound by a plain name keeps its slot (or its by-pointer copy) as the local's storage.
            if (pat instanceof Pat.Ident id && id.sub() == null && typing.patterns.get(id) instanceof Typing.PatRes.Binding bind
                    && !bind.byRef()) locals.put(bind.local(), place.address());
            else matchPattern(pat, place, null);
        }
        Operand v = block(fnInfo.ast.body());
        if (b.reachable() && !(v instanceof Operand.Diverged)) emitReturn(v, ret);
    }

    /** Where a parameter's value lives in the callee. */
    private Place parameterPlace(Ty t, List<Value> values) {
        return switch (lowering.abi.kind(t)) {
            case INDIRECT -> new Place(values.getFirst(), null, t);
            case NONE -> new Place(temp(t), null, t); // zero-sized: an empty slot gives an aligned address
            case SCALAR -> {
                Value slot = temp(t);
                b.store(values.getFirst(), slot);
                yield new Place(slot, null, t);
            }
            case PAIR -> {
                Value slot = temp(t);
                store(new Operand.Pair(values.get(0), values.get(1)), slot, t);
                yield new Place(slot, null, t);
            }
        };
    }

    @Override
    Operand returnValue(Expr value, Ty type) {
        Operand v = value == null ? Operand.ZST : expr(value);
        if (v instanceof Operand.Diverged || !b.reachable()) return Operand.DIVERGED;
        emitReturn(v, type);
        return Operand.DIVERGED;
    }

    private void emitReturn(Operand v, Ty ret) {
        switch (lowering.abi.kind(ret)) {
            case SCALAR -> b.ret(toMemory(v.scalar(), ret));
            case PAIR, INDIRECT -> {
                store(v, sret, ret);
                b.ret();
            }
            case NONE -> {
                if (ret instanceof Ty.Never) b.trap();
                else b.ret();
            }
        }
    }
}
