package dev.rivet.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Control-flow facts of one function, computed once: reverse postorder of the reachable
 * blocks, predecessors, immediate dominators (Cooper, Harvey and Kennedy's iterative
 * algorithm) and dominance frontiers. Recompute after changing the CFG.
 *
 * <p>Cost, for B blocks and E edges: predecessors and the postorder O(B + E); dominators
 * O(E · d) per sweep, d the depth of the dominator tree (two sweeps on the reducible graphs
 * the front end makes); {@link #dominates} O(1), from the entry and exit times of a walk of the
 * dominator tree; {@link #frontiers} O(E + the frontiers' total size), each walk up from a
 * predecessor stopping at the first block that already has the join in its frontier.
 */
public final class Cfg {
    private final List<Block> rpo = new ArrayList<>();
    private final Map<Block, Integer> order = new IdentityHashMap<>();
    private final Map<Block, List<Block>> preds = new IdentityHashMap<>();
    /** By reverse-postorder position: the immediate dominator's position, and dominator-tree walk times. */
    private int[] idom = new int[0], enter = new int[0], exit = new int[0];

    public Cfg(Function f) {
        for (Block b : f.blocks()) preds.put(b, new ArrayList<>());
        for (Block b : f.blocks())
            for (Block s : b.successors()) {
                List<Block> p = preds.get(s);
                // b's edges are added together, so a repeated edge can only repeat the last predecessor
                if (p != null && (p.isEmpty() || p.getLast() != b)) p.add(b);
            }
        if (!f.blocks().isEmpty()) {
            postorder(f.entry(), Collections.newSetFromMap(new IdentityHashMap<>()), rpo);
            Collections.reverse(rpo);
            for (int i = 0; i < rpo.size(); i++) order.put(rpo.get(i), i);
            dominators();
            number();
        }
    }

    private static void postorder(Block entry, Set<Block> seen, List<Block> out) {
        // Iterative DFS: deep CFGs (long match chains) must not overflow the Java stack.
        record Frame(Block block, java.util.Iterator<Block> it) {}
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        seen.add(entry);
        stack.push(new Frame(entry, entry.successors().iterator()));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.it().hasNext()) {
                Block next = top.it().next();
                if (seen.add(next)) stack.push(new Frame(next, next.successors().iterator()));
            } else {
                out.add(top.block());
                stack.pop();
            }
        }
    }

    private void dominators() {
        int n = rpo.size();
        idom = new int[n];
        java.util.Arrays.fill(idom, -1);
        idom[0] = 0;
        int[][] predOrder = new int[n][];
        for (int b = 0; b < n; b++) {
            List<Block> ps = preds.get(rpo.get(b));
            int[] po = new int[ps.size()];
            int k = 0;
            for (Block p : ps) {
                Integer o = order.get(p);
                if (o != null) po[k++] = o;
            }
            predOrder[b] = java.util.Arrays.copyOf(po, k);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < n; b++) {
                int newIdom = -1;
                for (int p : predOrder[b]) {
                    if (idom[p] < 0) continue;
                    newIdom = newIdom < 0 ? p : intersect(p, newIdom);
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (a > b) a = idom[a];
            while (b > a) b = idom[b];
        }
        return a;
    }

    /** Entry and exit times of an iterative walk of the dominator tree: a dominates b iff a's interval holds b's. */
    private void number() {
        int n = rpo.size();
        int[] firstKid = new int[n], nextSibling = new int[n];
        java.util.Arrays.fill(firstKid, -1);
        for (int b = n - 1; b > 0; b--) {
            nextSibling[b] = firstKid[idom[b]];
            firstKid[idom[b]] = b;
        }
        enter = new int[n];
        exit = new int[n];
        int clock = 0;
        int[] stack = new int[n];
        int[] cursor = new int[n];
        int top = 0;
        stack[0] = 0;
        cursor[0] = firstKid[0];
        enter[0] = clock++;
        while (top >= 0) {
            int b = stack[top];
            int kid = cursor[b];
            if (kid < 0) {
                exit[b] = clock++;
                top--;
                continue;
            }
            cursor[b] = nextSibling[kid];
            enter[kid] = clock++;
            cursor[kid] = firstKid[kid];
            stack[++top] = kid;
        }
    }

    /** Reachable blocks in reverse postorder (entry first). */
    public List<Block> reversePostorder() { return rpo; }

    public boolean isReachable(Block b) { return order.containsKey(b); }

    /** Distinct predecessors, reachable or not. */
    public List<Block> predecessors(Block b) {
        Work.add(1);
        return preds.getOrDefault(b, List.of());
    }

    /** The immediate dominator (the entry is its own); null for unreachable blocks. */
    public Block idom(Block b) {
        Work.add(1);
        Integer o = order.get(b);
        return o == null ? null : rpo.get(idom[o]);
    }

    /** True if every path from the entry to {@code b} passes through {@code a}. */
    public boolean dominates(Block a, Block b) {
        Work.add(1);
        Integer x = order.get(a), y = order.get(b);
        if (x == null || y == null) return false;
        return enter[x] <= enter[y] && exit[y] <= exit[x];
    }

    /** The block's position in a preorder walk of the dominator tree (-1 if unreachable): a dominator comes before what it dominates. */
    public int preorder(Block b) {
        Integer o = order.get(b);
        return o == null ? -1 : enter[o];
    }

    /** Children in the dominator tree, in reverse postorder. */
    public Map<Block, List<Block>> dominatorTree() {
        Map<Block, List<Block>> kids = new IdentityHashMap<>();
        for (Block b : rpo) kids.put(b, new ArrayList<>());
        for (int b = 1; b < rpo.size(); b++) kids.get(rpo.get(idom[b])).add(rpo.get(b));
        return kids;
    }

    /** Dominance frontiers of the reachable blocks, each in the order its members were found. */
    public Map<Block, Set<Block>> frontiers() {
        Map<Block, Set<Block>> df = new IdentityHashMap<>();
        for (Block b : rpo) df.put(b, new LinkedHashSet<>());
        for (int b = 0; b < rpo.size(); b++) {
            Block join = rpo.get(b);
            List<Block> ps = new ArrayList<>();
            for (Block p : preds.get(join)) if (isReachable(p)) ps.add(p);
            if (ps.size() < 2) continue;
            for (Block p : ps) {
                int runner = order.get(p);
                // a runner that has the join already was reached by an earlier walk, which went on up to idom(join)
                while (runner != idom[b] && df.get(rpo.get(runner)).add(join)) runner = idom[runner];
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
