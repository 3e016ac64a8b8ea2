package dev.rivet.codegen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a function's blocks so that as many jumps as possible become fall-throughs, which the
 * emitters then leave out (two bytes each on Thumb and RVC, four on plain RV32).
 *
 * <p>A block can fall through to the target of its final jump, or, when that jump follows an
 * invertible conditional branch, to the branch's target (the emitter inverts the condition).
 * Blocks are glued into chains greedily in their original order, preferring the block that
 * already came next, so code that was laid out well stays as it was. The entry chain comes
 * first; the others follow in the original order of their first blocks, which keeps a block
 * near the code that branches to it and so short branches in range. A block that never
 * continues (a trap, a panic call) and has one predecessor is placed right after it: the check
 * falls into it and branches on to the code after it, so no branch to a panic path has to
 * reach across the function (on Thumb-1, a conditional branch reaches only 256 bytes).
 * Blocks that are only a jump (see {@link Forwarding}) are not emitted and go last.
 *
 * <p>Cost: O(n log n) (the sort of the chains); finding a chain's first block is a union-find.
 */
public final class BlockLayout {
    private BlockLayout() { }

    public static void apply(MFunction f) {
        if (f.blocks.size() < 3) return;
        Forwarding forwarding = new Forwarding(f);
        List<MBlock> live = new ArrayList<>(), dropped = new ArrayList<>();
        for (MBlock b : f.blocks) (forwarding.dropped(b.id) ? dropped : live).add(b);
        Map<Integer, Integer> position = new HashMap<>();
        for (int k = 0; k < live.size(); k++) position.put(live.get(k).id, k);

        int n = live.size();
        int[] next = new int[n], prev = new int[n];
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
        int[] head = new int[n]; // union-find towards each chain's first block (a walk back along prev was O(chain))
        for (int k = 0; k < n; k++) head[k] = k;
        Map<Integer, Integer> predecessors = new HashMap<>();
        for (MBlock b : live) for (int t : b.successors()) predecessors.merge(forwarding.resolve(t), 1, Integer::sum);
        for (int k = 0; k < n; k++) {
            List<Integer> targets = new ArrayList<>();
            for (int target : candidates(live.get(k), forwarding)) targets.add(position.getOrDefault(target, -1));
            if (targets.remove((Integer) (k + 1))) targets.addFirst(k + 1);
            for (int t : List.copyOf(targets))
                if (t > 0 && isDeadEnd(live.get(t)) && predecessors.getOrDefault(live.get(t).id, 0) == 1) {
                    targets.remove((Integer) t);
                    targets.addFirst(t);
                }
            for (int t : targets) {
                if (t <= 0 || prev[t] != -1 || chainHead(head, k) == t) continue;
                next[k] = t;
                prev[t] = k;
                head[t] = chainHead(head, k); // t headed its chain: all of it now follows k's head
                break;
            }
        }
        List<List<MBlock>> chains = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (prev[k] != -1) continue;
            List<MBlock> chain = new ArrayList<>();
            for (int b = k; b != -1; b = next[b]) chain.add(live.get(b));
            chains.add(chain);
        }
        chains.sort(Comparator.comparingInt(c -> position.get(c.getFirst().id)));
        f.blocks.clear();
        for (List<MBlock> c : chains) f.blocks.addAll(c);
        f.blocks.addAll(dropped);
    }

    /** Blocks {@code b} could fall through to, the jump's target first. */
    private static List<Integer> candidates(MBlock b, Forwarding forwarding) {
        List<MInst> insts = b.insts;
        if (insts.isEmpty()) return List.of();
        MInst last = insts.getLast();
        if (!last.isTerminator() || last.isReturn() || last.targets().size() != 1) return List.of();
        List<Integer> result = new ArrayList<>(2);
        result.add(forwarding.resolve(last.targets().getFirst()));
        if (insts.size() >= 2 && insts.get(insts.size() - 2).isInvertibleBranch())
            result.add(forwarding.resolve(insts.get(insts.size() - 2).targets().getFirst()));
        return result;
    }

    /** A block that never continues: it traps, or calls a function that does not return (a panic). */
    private static boolean isDeadEnd(MBlock b) {
        return !b.insts.isEmpty() && b.insts.getLast().isTerminator() && b.successors().isEmpty() && !b.insts.getLast().isReturn();
    }

    /** The first block of k's chain (with path halving). */
    private static int chainHead(int[] head, int k) {
        int b = k;
        while (head[b] != b) {
            head[b] = head[head[b]];
            b = head[b];
        }
        return b;
    }
}
