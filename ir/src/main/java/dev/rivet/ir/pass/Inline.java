package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Slot;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlining for size: a call is inlined when that makes the program smaller, which is when the
 * callee has no other caller (and its address is never taken, so its body disappears), or when
 * its body costs no more than the call sequence it replaces. {@code #[inline]} raises the
 * budget a little; {@code #[inline(never)]}, recursion (any call-graph cycle), declarations and
 * functions that never return are left alone.
 *
 * <p>Cost: a bounded number of rounds, each linear in the module plus the code it copies; the
 * uses of inlined calls' results are rewritten in one walk per caller. Splitting a block at a
 * call moves what follows the call, so a block with k inlined calls costs O(k · its length).
 */
public final class Inline implements Pass {
    /** Body cost up to which a function is inlined at every call site. */
    static final int TINY = 2;
    /** Extra budget for functions marked {@code #[inline]}. */
    static final int HINTED = 12;
    private static final int ROUNDS = 4;

    @Override
    public String name() { return "inline"; }

    @Override
    public void run(Module m) {
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Integer> callSites = new HashMap<>();
            Set<String> addressTaken = new HashSet<>();
            for (Function f : m.functions())
                for (Inst i : f.instructions()) {
                    if (i.op == Op.CALL) callSites.merge(i.symbol, 1, Integer::sum);
                    if (i.op == Op.SYMADDR) addressTaken.add(i.symbol);
                }
            Set<String> recursive = CallGraph.recursive(m);
            boolean changed = false;
            for (Function caller : new ArrayList<>(m.functions())) {
                if (caller.isDeclaration()) continue;
                Map<Value, Value> results = new IdentityHashMap<>(); // each inlined call -> its tail block's parameter
                for (Inst call : caller.instructions()) {
                    if (call.op != Op.CALL || call.block() == null) continue;
                    Function callee = m.function(call.symbol);
                    if (callee == null || !worthIt(caller, callee, call, callSites, addressTaken, recursive)) continue;
                    inline(caller, call, callee, results);
                    callSites.merge(callee.name, -1, Integer::sum);
                    changed = true;
                }
                replaceUses(caller, results); // before another caller copies this one's body
            }
            if (!changed) return;
        }
    }

    private static boolean worthIt(Function caller, Function callee, Inst call, Map<String, Integer> callSites,
                                   Set<String> addressTaken, Set<String> recursive) {
        if (callee.isDeclaration() || callee == caller || callee.noreturn || callee.inline == Function.Inline.NEVER) return false;
        if (recursive.contains(callee.name)) return false;
        if (callSites.getOrDefault(callee.name, 0) == 1 && !callee.exported && !addressTaken.contains(callee.name)) return true;
        int callCost = call.args.size() + 1;
        int budget = callCost + TINY + (callee.inline == Function.Inline.HINT ? HINTED : 0);
        return cost(callee) <= budget;
    }

    /** An estimate of the callee's size in machine instructions, excluding its return. */
    static int cost(Function f) {
        int n = 0;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                switch (i.op) {
                    case RET, SLOTADDR -> { }
                    case CALL, CALL_INDIRECT -> n += 1 + i.args.size();
                    case COPY, FILL -> n += 3;
                    default -> n += 1;
                }
            }
        return n;
    }

    /** Replaces every use of a key of {@code results} in {@code f} by its value, in one walk. */
    private static void replaceUses(Function f, Map<Value, Value> results) {
        if (results.isEmpty()) return;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                i.args.replaceAll(v -> results.getOrDefault(v, v));
                for (Target t : i.targets) t.args.replaceAll(v -> results.getOrDefault(v, v));
            }
    }

    /**
     * Replaces {@code call} (in {@code caller}) by a copy of {@code callee}'s body; the call's
     * result becomes a parameter of the block after it, recorded in {@code results} for the
     * caller's uses to be rewritten once, after all its calls are inlined.
     */
    static void inline(Function caller, Inst call, Function callee, Map<Value, Value> results) {
        Block head = call.block();
        Block tail = caller.addBlock();
        List<Inst> rest = head.insts().subList(head.insts().indexOf(call) + 1, head.insts().size());
        List<Inst> after = new ArrayList<>(rest);
        rest.clear();
        for (Inst i : after) tail.add(i);
        if (call.hasResult()) results.put(call, tail.addParam(call.type));
        Map<Value, Value> values = new IdentityHashMap<>();
        Map<Block, Block> blocks = new IdentityHashMap<>();
        Map<Slot, Slot> slots = new IdentityHashMap<>();
        for (Slot s : callee.slots()) slots.put(s, caller.addSlot(s.size, s.align));
        for (int k = 0; k < call.args.size(); k++) values.put(callee.entry().params().get(k), call.arg(k));
        for (Block b : callee.blocks()) {
            Block copy = caller.addBlock();
            blocks.put(b, copy);
            if (b != callee.entry()) for (Param p : b.params()) values.put(p, copy.addParam(p.type()));
        }
        List<Inst[]> pairs = new ArrayList<>();
        for (Block b : callee.blocks())
            for (Inst i : b.insts()) {
                Inst copy = new Inst(i.op, i.type);
                values.put(i, copy);
                pairs.add(new Inst[] {i, copy});
                blocks.get(b).add(copy);
            }
        for (Inst[] pair : pairs) fill(pair[0], pair[1], values, blocks, slots, tail);
        head.remove(call);
        head.add(Inst.jmp(blocks.get(callee.entry())));
    }

    private static void fill(Inst from, Inst to, Map<Value, Value> values, Map<Block, Block> blocks,
                             Map<Slot, Slot> slots, Block tail) {
        for (Value v : from.args) to.args.add(values.getOrDefault(v, v));
        to.imm = from.imm;
        to.align = from.align;
        to.cond = from.cond;
        to.symbol = from.symbol;
        to.slot = from.slot == null ? null : slots.get(from.slot);
        to.isVolatile = from.isVolatile;
        to.cases = from.cases.clone();
        to.signature = from.signature;
        to.loc = from.loc;
        for (Target t : from.targets) {
            List<Value> args = new ArrayList<>();
            for (Value v : t.args) args.add(values.getOrDefault(v, v));
            to.targets.add(new Target(blocks.get(t.block), args));
        }
        if (from.op == Op.RET) {
            List<Value> result = new ArrayList<>(to.args);
            to.op = Op.JMP;
            to.type = Type.VOID;
            to.args.clear();
            to.targets.add(new Target(tail, result));
        }
    }
}
