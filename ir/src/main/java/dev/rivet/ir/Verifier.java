package dev.rivet.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a module's invariants: block structure, operand types per op, call signatures,
 * branch arguments against block parameters, and SSA dominance (every use is dominated by its
 * definition). Runs after every pass in tests. Returns all problems found, not just the first.
 */
public final class Verifier {
    private final Module module;
    private final List<String> errors = new ArrayList<>();
    private Function fn;
    /** fn's slots, for an O(1) membership test (a function may have thousands). */
    private java.util.Set<Slot> fnSlots = java.util.Set.of();

    private Verifier(Module module) {
        this.module = module;
    }

    /** Problems in {@code m}, empty if it is well-formed. */
    public static List<String> check(Module m) {
        Verifier v = new Verifier(m);
        for (Function f : m.functions()) v.function(f);
        return v.errors;
    }

    /** Throws with every problem if the module is malformed. */
    public static void verify(Module m) {
        List<String> errors = check(m);
        if (!errors.isEmpty()) throw new IllegalStateException("invalid IR:\n  " + String.join("\n  ", errors));
    }

    private void error(Block b, String message) {
        errors.add("@" + fn.name + (b == null ? "" : " " + b.name()) + ": " + message);
    }

    private void function(Function f) {
        fn = f;
        fnSlots = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        fnSlots.addAll(f.slots());
        f.renumber();
        if (f.isDeclaration()) return;
        Block entry = f.entry();
        if (entry.params().size() != f.params.size()) error(entry, "entry block parameters differ from the function's");
        else for (int k = 0; k < f.params.size(); k++)
            if (entry.params().get(k).type() != f.params.get(k)) error(entry, "entry parameter " + k + " has the wrong type");
        Map<Value, Block> defs = new IdentityHashMap<>();
        Map<Value, Integer> position = new IdentityHashMap<>();
        for (Block b : f.blocks()) {
            for (Param p : b.params()) defs.put(p, b);
            for (int k = 0; k < b.insts().size(); k++) {
                Inst i = b.insts().get(k);
                if (i.block() != b) error(b, "instruction " + k + " does not know its block");
                defs.put(i, b);
                position.put(i, k);
            }
        }
        Cfg cfg = new Cfg(f);
        for (Block b : f.blocks()) {
            structure(b);
            for (Inst i : b.insts()) {
                types(b, i);
                if (cfg.isReachable(b)) dominance(cfg, defs, position, b, i);
                for (Target t : i.targets) if (t.block == entry) error(b, "branch to the entry block");
            }
        }
    }

    private void structure(Block b) {
        List<Inst> insts = b.insts();
        if (insts.isEmpty() || !insts.getLast().op.isTerminator()) error(b, "does not end in a terminator");
        for (int k = 0; k < insts.size() - 1; k++)
            if (insts.get(k).op.isTerminator()) error(b, "terminator " + insts.get(k).op.text() + " in the middle");
    }

    private void dominance(Cfg cfg, Map<Value, Block> defs, Map<Value, Integer> position, Block b, Inst i) {
        for (Value v : i.args) checkUse(cfg, defs, position, b, i, v, false);
        for (Target t : i.targets) for (Value v : t.args) checkUse(cfg, defs, position, b, i, v, true);
    }

    private void checkUse(Cfg cfg, Map<Value, Block> defs, Map<Value, Integer> position, Block b, Inst user, Value v, boolean edge) {
        Block d = defs.get(v);
        if (d == null) {
            error(b, user.op.text() + " uses a value defined outside the function");
            return;
        }
        if (d == b) {
            if (v instanceof Inst def && position.get(def) >= position.get(user))
                error(b, user.op.text() + " uses a value before its definition");
        } else if (!cfg.dominates(d, b)) {
            error(b, user.op.text() + " uses a value from " + d.name() + ", which does not dominate it"
                    + (edge ? " (branch argument)" : ""));
        }
    }

    private void types(Block b, Inst i) {
        int arity = i.op.arity();
        if (arity >= 0 && i.args.size() != arity) {
            error(b, i.op.text() + " takes " + arity + " operands, has " + i.args.size());
            return;
        }
        String problem = switch (i.op) {
            case CONST -> i.type.isStorable() || i.type == Type.I1 ? null : "constant of type " + i.type;
            case SYMADDR -> module.hasSymbol(i.symbol) ? null : "unknown symbol @" + i.symbol;
            case SLOTADDR -> fnSlots.contains(i.slot) ? null : "slot of another function";
            case ADD, SUB, MUL, UDIV, SDIV, UREM, SREM, SHL, LSHR, ASHR ->
                    i.type.isInt() && i.type != Type.I1 && same(i, 0, 1) ? null : "operands must be two integers of the result type";
            case AND, OR, XOR -> i.type.isInt() && same(i, 0, 1) ? null : "operands must be two integers of the result type";
            case ICMP -> i.arg(0).type() == i.arg(1).type() && i.type == Type.I1 ? null : "icmp of different types";
            case SELECT -> i.arg(0).type() == Type.I1 && i.arg(1).type() == i.type && i.arg(2).type() == i.type
                    ? null : "select needs an i1 and two values of the result type";
            case ZEXT, SEXT -> i.arg(0).type().isInt() && i.arg(0).type().bits() < i.type.bits() ? null : "extension must widen";
            case TRUNC -> i.arg(0).type().isInt() && i.type.isInt() && i.arg(0).type().bits() > i.type.bits() ? null : "trunc must narrow";
            case PTRADD -> i.arg(0).type() == Type.PTR && i.arg(1).type() == Type.I32 ? null : "ptradd takes ptr, i32";
            case PTRTOINT -> i.arg(0).type() == Type.PTR && i.type == Type.I32 ? null : "ptrtoint takes a ptr";
            case INTTOPTR -> i.arg(0).type() == Type.I32 && i.type == Type.PTR ? null : "inttoptr takes an i32";
            case LOAD -> i.arg(0).type() == Type.PTR && i.type.isStorable() ? null : "load needs a ptr and a storable type";
            case STORE -> i.arg(1).type() == Type.PTR && i.arg(0).type().isStorable() ? null : "store needs a storable value and a ptr";
            case COPY -> i.arg(0).type() == Type.PTR && i.arg(1).type() == Type.PTR ? null : "copy takes two ptrs";
            case FILL -> i.arg(0).type() == Type.PTR && i.arg(1).type() == Type.I8 ? null : "fill takes a ptr and an i8";
            case SEMIHOST -> i.arg(0).type() == Type.I32 && i.arg(1).type() == Type.I32 ? null : "semihost takes two i32";
            case CALL -> call(i);
            case CALL_INDIRECT -> i.arg(0).type() == Type.PTR ? arguments(i.signature, i.args.subList(1, i.args.size()), i.type) : "callee must be a ptr";
            case BR -> i.arg(0).type() == Type.I1 && i.targets.size() == 2 ? null : "br needs an i1 and two targets";
            case SWITCH -> i.arg(0).type().isInt() && i.targets.size() == i.cases.length + 1 ? null : "malformed switch";
            case JMP -> i.targets.size() == 1 ? null : "jmp needs one target";
            case RET -> ret(i);
            case TRAP -> null;
        };
        if (problem != null) error(b, i.op.text() + ": " + problem);
        for (Target t : i.targets) targetArgs(b, t);
    }

    private static boolean same(Inst i, int a, int b) {
        return i.arg(a).type() == i.type && i.arg(b).type() == i.type;
    }

    private String call(Inst i) {
        Function callee = module.function(i.symbol);
        if (callee == null) return "unknown function @" + i.symbol;
        return arguments(callee.signature(), i.args, i.type);
    }

    private static String arguments(Signature sig, List<Value> args, Type result) {
        if (sig.params().size() != args.size()) return "passes " + args.size() + " arguments to " + sig.text();
        for (int k = 0; k < args.size(); k++)
            if (args.get(k).type() != sig.params().get(k)) return "argument " + k + " has type " + args.get(k).type() + ", not " + sig.params().get(k);
        return sig.ret() == result ? null : "result type " + result + " differs from " + sig.text();
    }

    private String ret(Inst i) {
        if (fn.ret == Type.VOID) return i.args.isEmpty() ? null : "returns a value from a void function";
        return i.args.size() == 1 && i.arg(0).type() == fn.ret ? null : "must return one " + fn.ret;
    }

    private void targetArgs(Block b, Target t) {
        if (t.block.function() != fn || !fn.blocks().contains(t.block)) {
            error(b, "branch to a block outside the function");
            return;
        }
        List<Param> params = t.block.params();
        if (params.size() != t.args.size()) {
            error(b, "passes " + t.args.size() + " arguments to " + t.block.name() + ", which takes " + params.size());
            return;
        }
        for (int k = 0; k < params.size(); k++)
            if (params.get(k).type() != t.args.get(k).type())
                error(b, "argument " + k + " to " + t.block.name() + " has type " + t.args.get(k).type() + ", not " + params.get(k).type());
    }

    /** Symbols used by a function (calls and addresses), for reachability passes. */
    public static Set<String> references(Function f) {
        Set<String> refs = new HashSet<>();
        for (Inst i : f.instructions()) if (i.symbol != null) refs.add(i.symbol);
        return refs;
    }
}
