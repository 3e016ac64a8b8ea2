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
 */
public final class CopyCoalescing {
    private final MFunction f;
    private final Map<Integer, Set<Integer>> interferes = new HashMap<>();
    private final Map<Integer, Integer> parent = new HashMap<>();

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

    private int find(int v) {
        int root = v;
        while (parent.containsKey(root)) root = parent.get(root);
        return root;
    }

    /** Merges {@code from}'s class into {@code into}'s (both roots): the union's edges are both sides'. */
    private void union(int into, int from) {
        parent.put(from, into);
        Set<Integer> moved = edges(from);
        for (int n : moved) {
            Set<Integer> ne = edges(n);
            ne.remove(from);
            ne.add(into);
            if (n != into) edges(into).add(n);
        }
        interferes.remove(from);
    }

    /** Renames every register to its class's representative and drops the copies that became v = v. */
    private void rename() {
        for (MBlock b : f.blocks) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                MInst m = f.replaced(i, i.mapRegs(r -> r instanceof Reg.Virtual v ? new Reg.Virtual(find(v.id())) : r));
                if (m.isMove() && m.moveOperands().get(0).equals(m.moveOperands().get(1))) continue;
                out.add(m);
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }
}
