package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which virtual registers are live into and out of each block (backward dataflow to a fixed
 * point). Physical registers are not tracked here: the allocator treats them as fixed ranges
 * inside blocks. Cost: O(n) to collect uses and definitions, then O(B · V / 64) per sweep over
 * B blocks and V registers (bit sets), a sweep more per loop nesting level.
 */
final class Liveness {
    final Map<Integer, BitSet> liveIn = new HashMap<>();
    final Map<Integer, BitSet> liveOut = new HashMap<>();

    Liveness(MFunction f) {
        Map<Integer, BitSet> uses = new HashMap<>(), defs = new HashMap<>();
        for (MBlock b : f.blocks) {
            dev.rivet.ir.Work.add(b.insts.size());
            BitSet use = new BitSet(), def = new BitSet();
            for (MInst i : b.insts) {
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) {
                        if (r instanceof Reg.Virtual v && !def.get(v.id())) use.set(v.id());
                    }

                    @Override public void def(Reg r) {
                        if (r instanceof Reg.Virtual v) def.set(v.id());
                    }
                });
            }
            uses.put(b.id, use);
            defs.put(b.id, def);
            liveIn.put(b.id, new BitSet());
            liveOut.put(b.id, new BitSet());
        }
        List<MBlock> order = f.blocks;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = order.size() - 1; k >= 0; k--) {
                MBlock b = order.get(k);
                dev.rivet.ir.Work.add(1);
                BitSet out = new BitSet();
                for (int s : b.successors()) {
                    BitSet in = liveIn.get(s);
                    if (in != null) out.or(in);
                }
                BitSet in = (BitSet) out.clone();
                in.andNot(defs.get(b.id));
                in.or(uses.get(b.id));
                if (!out.equals(liveOut.get(b.id)) || !in.equals(liveIn.get(b.id))) {
                    liveOut.put(b.id, out);
                    liveIn.put(b.id, in);
                    changed = true;
                }
            }
        }
    }
}
