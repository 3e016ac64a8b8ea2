package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Slot;
import dev.rivet.ir.Target;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Threading past a decision block whose parameters are used beyond it: the dispatch after an
 * inlined function that returns an enum ({@code match step(..) { .. }}), where the arm that
 * built a variant with a constant tag could jump straight to the code for that variant.
 * {@link BranchThreading} leaves such blocks alone, since an edge that skips them would leave
 * the later uses of their parameters without a definition. Here those parameters first go
 * through stack slots (each edge into the block stores what it passes, each use loads), the
 * edges whose arguments decide the branch are threaded, and mem2reg then rebuilds SSA form,
 * giving the blocks where threaded and unthreaded paths meet the parameters they need. Each
 * round treats one block; a chain of tests ({@code tag == 1}, then {@code tag == 2}, ...)
 * takes a round per test.
 *
 * <p>Cost: at most sixteen rounds, each O(n) plus a run of {@link Mem2Reg} over the function:
 * linear, with a large constant on a big function (see the compile-speed notes in the README).
 */
final class DemotingThreading {
    private static final int MAX_ROUNDS = 16;

    private DemotingThreading() {}

    static boolean run(Function f) {
        boolean changed = false;
        Set<Block> fruitless = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Block demoted = threadOnce(f, fruitless);
            if (demoted == null) break;
            Mem2Reg.run(f); // also undoes a demotion that threaded nothing
            changed = true;
        }
        return changed;
    }

    /**
     * Demotes the first block that qualifies and threads the edges into it that its arguments
     * decide; returns it, or null if none qualifies. One block per round: an edge threaded into
     * a demoted block later in the same round would enter it without storing, so mem2reg runs
     * between. A block where no edge could be threaded after all is not tried again.
     */
    private static Block threadOnce(Function f, Set<Block> fruitless) {
        Cfg cfg = new Cfg(f);
        Set<Value> escaping = BranchThreading.usedOutsideTheirBlock(f);
        for (Block b : f.blocks()) {
            if (b == f.entry() || fruitless.contains(b) || !BranchThreading.decisionBlock(b)) continue;
            BranchThreading.hoistEscapingConstants(b, escaping);
            List<Param> demoted = b.params().stream().filter(escaping::contains).toList();
            if (demoted.isEmpty() || b.insts().stream().anyMatch(escaping::contains)) continue;
            if (demoted.stream().anyMatch(p -> !p.type().isStorable())) continue;
            // b's own back edge, if any, stores too: the slot must hold the value b last had
            List<Block> preds = cfg.predecessors(b).stream().distinct().toList();
            if (preds.stream().noneMatch(p -> p != b && decidesSome(p, b))) continue;
            demote(f, b, demoted, preds);
            boolean threaded = false;
            for (Block p : new ArrayList<>(new Cfg(f).predecessors(b))) {
                if (p == b) continue;
                Inst t = p.terminator();
                for (int k = 0; k < t.targets.size(); k++)
                    if (t.targets.get(k).block == b) threaded |= BranchThreading.thread(p, k, b);
            }
            if (!threaded) fruitless.add(b);
            return b;
        }
        return null;
    }

    private static boolean decidesSome(Block p, Block b) {
        for (Target t : p.terminator().targets)
            if (t.block == b && BranchThreading.decidedByArguments(t, b)) return true;
        return false;
    }

    /**
     * Gives each parameter in {@code demoted} a slot: stored on every edge into {@code b} (an
     * edge from a block with other successors is split first, so the store happens only on the
     * way in), loaded just before each use outside {@code b}.
     */
    private static void demote(Function f, Block b, List<Param> demoted, List<Block> preds) {
        List<Slot> slots = new ArrayList<>();
        for (Param p : demoted) slots.add(f.addSlot(p.type().bytes(), p.type().bytes()));
        for (int j = 0; j < demoted.size(); j++) loadAtUses(f, b, demoted.get(j), slots.get(j));
        for (Block p : preds) {
            Inst t = p.terminator();
            for (int k = 0; k < t.targets.size(); k++) {
                if (t.targets.get(k).block != b) continue;
                Block from = t.targets.size() == 1 ? p : split(f, p, k);
                Target in = from.terminator().targets.getFirst();
                for (int j = 0; j < demoted.size(); j++) {
                    Value arg = in.args.get(b.params().indexOf(demoted.get(j)));
                    Inst addr = from.insert(from.insts().size() - 1, Inst.slotaddr(slots.get(j)));
                    from.insert(from.insts().size() - 1, Inst.store(arg, addr, false));
                }
            }
        }
    }

    /** Replaces each use of {@code v} outside {@code b} with a load of {@code slot} placed just before the user. */
    private static void loadAtUses(Function f, Block b, Param v, Slot slot) {
        for (Block c : f.blocks()) {
            if (c == b) continue;
            for (Inst user : new ArrayList<>(c.insts())) {
                boolean uses = user.args.contains(v) || user.targets.stream().anyMatch(t -> t.args.contains(v));
                if (!uses) continue;
                int at = c.insts().indexOf(user);
                Inst addr = c.insert(at, Inst.slotaddr(slot));
                Inst load = c.insert(at + 1, Inst.load(v.type(), addr, false));
                user.replaceUses(v, load);
            }
        }
    }

    /** Puts a block on edge {@code k} of {@code p}'s terminator; returns it. */
    private static Block split(Function f, Block p, int k) {
        Target old = p.terminator().targets.get(k);
        Block mid = f.addBlock();
        mid.add(Inst.jmp(old.block, old.args.toArray(Value[]::new)));
        p.terminator().targets.set(k, new Target(mid, new ArrayList<>()));
        return mid;
    }
}
