package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before allocation: merges the two sides of a copy between virtual registers that never hold
 * different values at once (Chaitin's test), so the copy disappears. Lowering phis leaves
 * copies into the phi's register on every incoming edge and out of it at loop back edges; the
 * loop variable and its copies become one register, and if that register is spilled, it is one
 * stack slot that only the instructions changing the variable store to, instead of several
 * slots shuffled through registers on every edge.
 *
 * <p>Two registers interfere when one is written while the other is live afterwards, unless
 * the write is a copy from the other (both then hold the same value). Registers an instruction
 * writes interfere with each other, and an early definition also with the instruction's uses.
 * A merged register interferes with whatever either side did.
 *
 * <p>Cost: building the graph is O(n · L), L the number of registers live at once; merging
 * moves the smaller side's edges into the larger side's set (so each edge moves O(log n)
 * times), keeping apart which class absorbed which and which register names the result (the
 * copy's destination's, as the rename expects).
 */
public final class CopyCoalescing {
    private final MFunction f;
    private final Map<Integer, Set<Integer>> interferes = new HashMap<>();
    private final Map<Integer, Integer> parent = new HashMap<>();
    /** For a class's root: the register that names the class (not the root when the merge went the other way). */
    private final Map<Integer, Integer> name = new HashMap<>();

    private CopyCoalescing(MFunction f) {
        this.f = f;
    }

    public static void run(MFunction f) {
        new CopyCoalescing(f).coalesce();
    }

    private void coalesce() {
        buildInterference();
        boolean merged = false;
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) {
                if (!i.isMove()) continue;
                if (!(i.moveOperands().get(0) instanceof Reg.Virtual d) || !(i.moveOperands().get(1) instanceof Reg.Virtual s)) continue;
                int a = find(d.id()), c = find(s.id());
                if (a == c || edges(a).contains(c)) continue;
                union(a, c);
                merged = true;
            }
        if (merged) rename();
    }

    // ---- interference ----

    private void buildInterference() {
        Liveness live = new Liveness(f);
        for (MBlock b : f.blocks) {
            BitSet now = (BitSet) live.liveOut.get(b.id).clone();
            for (int k = b.insts.size() - 1; k >= 0; k--) {
                MInst i = b.insts.get(k);
                List<Integer> uses = new ArrayList<>(), defs = new ArrayList<>(), early = new ArrayList<>();
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) { if (r instanceof Reg.Virtual v) uses.add(v.id()); }

                    @Override public void def(Reg r) { if (r instanceof Reg.Virtual v) defs.add(v.id()); }

                    @Override public void earlyDef(Reg r) {
                        if (r instanceof Reg.Virtual v) {
                            defs.add(v.id());
                            early.add(v.id());
                        }
                    }
                });
                int copiedFrom = i.isMove() && i.moveOperands().get(1) instanceof Reg.Virtual s ? s.id() : -1;
                dev.rivet.ir.Work.add(1 + (long) defs.size() * now.cardinality());
                for (int d : defs) {
                    for (int v = now.nextSetBit(0); v >= 0; v = now.nextSetBit(v + 1))
                        if (v != copiedFrom) addEdge(d, v);
                    for (int other : defs) addEdge(d, other);
                }
                for (int e : early) for (int u : uses) addEdge(e, u);
                for (int d : defs) now.clear(d);
                for (int u : uses) now.set(u);
            }
        }
    }

    private Set<Integer> edges(int v) {
        return interferes.computeIfAbsent(v, x -> new HashSet<>());
    }

    private void addEdge(int a, int b) {
        if (a == b) return;
        edges(a).add(b);
        edges(b).add(a);
    }

    // ---- merging ----

    /** The root of v's class (with path compression). */
    private int find(int v) {
        int root = v;
        for (Integer up = parent.get(root); up != null; up = parent.get(root)) root = up;
        for (int x = v; x != root; ) {
            int up = parent.get(x);
            parent.put(x, root);
            x = up;
        }
        return root;
    }

    /** The register that names v's class after the merges. */
    private int representative(int v) {
        int root = find(v);
        return name.getOrDefault(root, root);
    }

    /**
     * Merges the classes of roots {@code into} and {@code from}, named as {@code into} is: the
     * union's edges are both sides'. The side with fewer edges is the one whose neighbours are
     * rewritten.
     */
    private void union(int into, int from) {
        int keepName = name.getOrDefault(into, into);
        int big = edges(into).size() >= edges(from).size() ? into : from, small = big == into ? from : into;
        parent.put(small, big);
        dev.rivet.ir.Work.add(1 + edges(small).size());
        Set<Integer> bigEdges = edges(big);
        for (int n : edges(small)) {
            Set<Integer> ne = edges(n);
            ne.remove(small);
            ne.add(big);
            if (n != big) bigEdges.add(n);
        }
        interferes.remove(small);
        name.remove(small);
        name.put(big, keepName);
    }

    /** Renames every register to its class's representative and drops the copies that became v = v. */
    private void rename() {
        for (MBlock b : f.blocks) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                MInst m = f.replaced(i, i.mapRegs(r -> r instanceof Reg.Virtual v ? new Reg.Virtual(representative(v.id())) : r));
                if (m.isMove() && m.moveOperands().get(0).equals(m.moveOperands().get(1))) continue;
                out.add(m);
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }
}
