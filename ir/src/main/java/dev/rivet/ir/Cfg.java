package dev.rivet.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Control-flow facts of one function, computed once: reverse postorder of the reachable
 * blocks, predecessors, immediate dominators (Cooper, Harvey and Kennedy's iterative
 * algorithm) and dominance frontiers. Recompute after changing the CFG.
 */
public final class Cfg {
    private final List<Block> rpo = new ArrayList<>();
    private final Map<Block, Integer> order = new IdentityHashMap<>();
    private final Map<Block, List<Block>> preds = new IdentityHashMap<>();
    private final Map<Block, Block> idom = new IdentityHashMap<>();

    public Cfg(Function f) {
        for (Block b : f.blocks()) preds.put(b, new ArrayList<>());
        for (Block b : f.blocks())
            for (Block s : b.successors()) {
                List<Block> p = preds.get(s);
                if (p != null && !p.contains(b)) p.add(b);
            }
        if (!f.blocks().isEmpty()) {
            postorder(f.entry(), new HashSet<>(), rpo);
            java.util.Collections.reverse(rpo);
            for (int i = 0; i < rpo.size(); i++) order.put(rpo.get(i), i);
            dominators(f.entry());
        }
    }

    private static void postorder(Block entry, Set<Block> seen, List<Block> out) {
        // Iterative DFS: deep CFGs (long match chains) must not overflow the Java stack.
        record Frame(Block block, Iterable<Block> succs, java.util.Iterator<Block> it) {}
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        seen.add(entry);
        List<Block> s0 = entry.successors();
        stack.push(new Frame(entry, s0, s0.iterator()));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.it().hasNext()) {
                Block next = top.it().next();
                if (seen.add(next)) {
                    List<Block> s = next.successors();
                    stack.push(new Frame(next, s, s.iterator()));
                }
            } else {
                out.add(top.block());
                stack.pop();
            }
        }
    }

    private void dominators(Block entry) {
        idom.put(entry, entry);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : rpo) {
                if (b == entry) continue;
                Block newIdom = null;
                for (Block p : preds.get(b)) {
                    if (!idom.containsKey(p)) continue;
                    newIdom = newIdom == null ? p : intersect(p, newIdom);
                }
                if (newIdom != null && idom.get(b) != newIdom) {
                    idom.put(b, newIdom);
                    changed = true;
                }
            }
        }
    }

    private Block intersect(Block a, Block b) {
        while (a != b) {
            while (order.get(a) > order.get(b)) a = idom.get(a);
            while (order.get(b) > order.get(a)) b = idom.get(b);
        }
        return a;
    }

    /** Reachable blocks in reverse postorder (entry first). */
    public List<Block> reversePostorder() { return rpo; }

    public boolean isReachable(Block b) { return order.containsKey(b); }

    /** Distinct predecessors, reachable or not. */
    public List<Block> predecessors(Block b) { return preds.getOrDefault(b, List.of()); }

    /** The immediate dominator (the entry is its own); null for unreachable blocks. */
    public Block idom(Block b) { return idom.get(b); }

    /** True if every path from the entry to {@code b} passes through {@code a}. */
    public boolean dominates(Block a, Block b) {
        if (!isReachable(a) || !isReachable(b)) return false;
        Block x = b;
        while (true) {
            if (x == a) return true;
            Block up = idom.get(x);
            if (up == x) return false;
            x = up;
        }
    }

    /** Children in the dominator tree, in reverse postorder. */
    public Map<Block, List<Block>> dominatorTree() {
        Map<Block, List<Block>> kids = new IdentityHashMap<>();
        for (Block b : rpo) kids.put(b, new ArrayList<>());
        for (Block b : rpo) {
            Block d = idom.get(b);
            if (d != b) kids.get(d).add(b);
        }
        return kids;
    }

    /** Dominance frontiers of the reachable blocks. */
    public Map<Block, Set<Block>> frontiers() {
        Map<Block, Set<Block>> df = new IdentityHashMap<>();
        for (Block b : rpo) df.put(b, new HashSet<>());
        for (Block b : rpo) {
            List<Block> ps = new ArrayList<>();
            for (Block p : preds.get(b)) if (isReachable(p)) ps.add(p);
            if (ps.size() < 2) continue;
            for (Block p : ps) {
                Block runner = p;
                while (runner != idom.get(b)) {
                    df.get(runner).add(b);
                    runner = idom.get(runner);
                }
            }
        }
        return df;
    }

    /** How many times each value is used (operands and branch arguments) in {@code f}. */
    public static Map<Value, Integer> useCounts(Function f) {
        Map<Value, Integer> uses = new HashMap<>();
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                for (Value v : i.args) uses.merge(v, 1, Integer::sum);
                for (Target t : i.targets) for (Value v : t.args) uses.merge(v, 1, Integer::sum);
            }
        return uses;
    }
}
