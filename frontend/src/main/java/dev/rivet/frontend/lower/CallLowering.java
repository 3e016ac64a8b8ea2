package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.check.Env;
import dev.rivet.frontend.check.MethodRes;
import dev.rivet.frontend.check.Res;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Signature;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls: direct and through pointers, with the ABI of {@link Abi}; tuple-struct and variant
 * constructors; method calls with their receiver adjustments; and compiler intrinsics.
 */
abstract class CallLowering extends OpsLowering {
    protected final BuiltinLowering builtins = new BuiltinLowering(this);

    CallLowering(Lowering lowering, FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    protected Operand call(Expr.Call c) {
        Expr.MethodCall qualified = typing.qualifiedMethods.get(c);
        if (qualified != null) return methodCall(qualified);
        if (c.callee() instanceof Expr.PathExpr p) {
            Res res = typing.paths.get(p);
            if (res instanceof Res.FnRes f) return direct(f.fn(), arguments(c.args()));
            if (res instanceof Res.CtorRes k) return construct(k.adt(), k.variant(), arguments(c.args()), ty(c));
            if (res instanceof Res.IntrinsicRes i) return intrinsic(i, p.path(), c);
        }
        Ty calleeType = strip(ty(c.callee()));
        Operand callee = expr(c.callee());
        List<Operand> args = arguments(c.args());
        if (calleeType instanceof Ty.FnItem f) return direct(f.fn(), args);
        Ty.FnPtr fp = (Ty.FnPtr) calleeType;
        return emitCall(null, callee.scalar(), fp.params().stream().map(LowerBase::strip).toList(), strip(fp.ret()), args);
    }

    protected List<Operand> arguments(List<Expr> args) {
        List<Operand> ops = new ArrayList<>();
        for (Expr a : args) {
            Operand v = expr(a);
            if (v instanceof Operand.Diverged) return null;
            ops.add(v);
        }
        return ops;
    }

    protected Operand direct(FnInfo f, List<Operand> args) {
        if (args == null) return Operand.DIVERGED;
        lowering.sema.items.signature(f);
        return emitCall(lowering.function(f).name, null, f.params.stream().map(LowerBase::strip).toList(), strip(f.ret), args);
    }

    /** Emits a call of {@code symbol} (or of {@code target} when symbol is null). */
    protected Operand emitCall(String symbol, Value target, List<Ty> params, Ty ret, List<Operand> args) {
        if (args == null) return Operand.DIVERGED;
        Abi abi = lowering.abi;
        List<Value> ir = new ArrayList<>();
        Value sret = null;
        if (abi.hasSret(ret)) {
            sret = temp(ret);
            ir.add(sret);
        }
        for (int i = 0; i < params.size(); i++) {
            Ty t = params.get(i);
            Operand v = args.get(i);
            switch (abi.kind(t)) {
                case SCALAR -> ir.add(toMemory(v.scalar(), t));
                case PAIR -> {
                    Operand.Pair p = (Operand.Pair) v;
                    ir.add(p.first());
                    ir.add(p.second());
                }
                case INDIRECT -> ir.add(ownedCopy(v, t));
                case NONE -> { }
            }
        }
        Type retType = abi.irReturn(ret);
        Value result;
        if (symbol != null) {
            result = b.call(symbol, retType, ir);
        } else {
            Inst ci = new Inst(Op.CALL_INDIRECT, retType, target);
            ci.args.addAll(ir);
            ci.signature = new Signature(abi.irParams(params, ret), retType);
            result = b.emit(ci);
        }
        if (ret instanceof Ty.Never) {
            b.trap();
            return Operand.DIVERGED;
        }
        return switch (abi.kind(ret)) {
            case SCALAR -> new Operand.Scalar(fromMemory(result, ret));
            case PAIR -> load(sret, ret);
            case INDIRECT -> new Operand.Mem(sret, true);
            case NONE -> Operand.ZST;
        };
    }

    /** Builds a struct or enum value from field operands in a temporary. */
    protected Operand construct(AdtInfo adt, AdtInfo.Variant v, List<Operand> fields, Ty type) {
        if (fields == null) return Operand.DIVERGED;
        Layout l = layout(type);
        if (l.isZst()) return Operand.ZST;
        Value addr = temp(type);
        writeVariant(adt, v, fields, addr, type);
        return new Operand.Mem(addr, true);
    }

    /** Writes a variant's tag and fields at {@code addr}. */
    protected void writeVariant(AdtInfo adt, AdtInfo.Variant v, List<Operand> fields, Value addr, Ty type) {
        Layout l = layout(type);
        if (adt.kind == AdtInfo.Kind.ENUM && l.tag() != null)
            b.store(b.iconst(dev.rivet.frontend.types.LayoutCache.irType(l.tag().kind()), v.discriminant.longValue()),
                    b.offset(addr, l.tag().offset()));
        for (int i = 0; i < fields.size(); i++) {
            long off = adt.kind == AdtInfo.Kind.ENUM ? variantFieldOffset(type, v, i) : fieldOffset(type, i);
            store(fields.get(i), b.offset(addr, off), strip(v.fields.get(i).type()));
        }
    }

    // ---- methods ----

    protected Operand methodCall(Expr.MethodCall m) {
        MethodRes mr = typing.methods.get(m);
        Operand receiver = receiver(m.receiver(), mr);
        if (receiver instanceof Operand.Diverged) return receiver;
        List<Operand> args = arguments(m.args());
        if (args == null) return Operand.DIVERGED;
        if (mr.isBuiltin()) return builtins.method(mr, receiver, args, m);
        List<Operand> all = new ArrayList<>();
        all.add(receiver);
        all.addAll(args);
        return direct(mr.fn(), all);
    }

    /** The receiver after the recorded derefs and auto-borrow. */
    private Operand receiver(Expr recv, MethodRes mr) {
        if (mr.derefs() == 0 && mr.autoref() == MethodRes.AutoRef.NONE) return expr(recv);
        Place p = mr.derefs() == 0 ? place(recv) : autoderef(placeOrValue(recv), mr.derefs());
        if (mr.autoref() == MethodRes.AutoRef.NONE) return read(p);
        if (mr.unsize()) return new Operand.Pair(p.address(), b.iconst(Type.I32, ((Ty.Array) strip(p.type())).length()));
        return reference(p);
    }

    /** A place for the receiver; a reference value is kept in a temporary so it can be followed. */
    private Place placeOrValue(Expr e) {
        return place(e);
    }

    // ---- intrinsics ----

    private Operand intrinsic(Res.IntrinsicRes i, Path path, Expr.Call c) {
        Ty result = ty(c);
        String name = i.name();
        if (name.equals("mem::size_of") || name.equals("mem::align_of")) {
            Ty t = typeArgument(path);
            Layout l = layout(t);
            return new Operand.Scalar(b.iconst(Type.I32, name.endsWith("size_of") ? l.size() : l.align()));
        }
        List<Operand> args = arguments(c.args());
        if (args == null) return Operand.DIVERGED;
        return switch (name) {
            case "ptr::read_volatile" -> builtins.readVolatile(args.get(0).scalar(), result, true);
            case "ptr::read" -> builtins.readVolatile(args.get(0).scalar(), result, false);
            case "ptr::write_volatile" -> builtins.writeVolatile(args.get(0).scalar(), args.get(1), strip(ty(c.args().get(1))), true);
            case "ptr::write" -> builtins.writeVolatile(args.get(0).scalar(), args.get(1), strip(ty(c.args().get(1))), false);
            case "ptr::null", "ptr::null_mut" -> new Operand.Scalar(b.convert(Op.INTTOPTR, Type.PTR, b.iconst(Type.I32, 0)));
            case "mem::swap" -> builtins.swap(args.get(0).scalar(), args.get(1).scalar(), strip(((Ty.Ref) strip(ty(c.args().get(0)))).inner()));
            case "mem::replace" -> builtins.replace(args.get(0).scalar(), args.get(1), result);
            case "hint::black_box" -> builtins.blackBox(args.get(0), result);
            case "hint::spin_loop" -> Operand.ZST;
            case "cmp::min", "cmp::max" -> new Operand.Scalar(builtins.minMax(name.endsWith("max"), args.get(0).scalar(),
                    args.get(1).scalar(), result));
            case "rivet::debug_escapes" -> new Operand.Scalar(b.symaddr(lowering.debugEscapes()));
            case "rivet::semihost" -> new Operand.Scalar(b.emit(new Inst(Op.SEMIHOST, Type.I32, args.get(0).scalar(), args.get(1).scalar())));
            case "int::from_le_bytes", "int::from_ne_bytes", "int::from_be_bytes" ->
                    builtins.fromBytes(args.get(0), (Ty.Int) strip(i.self()), name.endsWith("be_bytes"));
            default -> throw new IllegalStateException("intrinsic " + name);
        };
    }

    private Ty typeArgument(Path path) {
        Path.GenericArg.Type t = (Path.GenericArg.Type) path.segments().getLast().args().getFirst();
        return strip(lowering.sema.types.resolve(t.type(), new Env(typing.scope, fnInfo.selfType, null)));
    }

    protected static IntKind intKind(Ty t) {
        return ((Ty.Int) strip(t)).kind();
    }
}
