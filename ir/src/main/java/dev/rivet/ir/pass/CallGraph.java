package dev.rivet.ir.pass;

import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Direct-call graph facts: which functions take part in a cycle (Tarjan's SCCs, linear in the module). */
public final class CallGraph {
    private CallGraph() {}

    /** Names of functions that can call themselves, directly or through others. */
    public static Set<String> recursive(Module m) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Function f : m.functions()) {
            Set<String> callees = new LinkedHashSet<>();
            for (Inst i : f.instructions()) if (i.op == Op.CALL && m.function(i.symbol) != null) callees.add(i.symbol);
            edges.put(f.name, callees);
        }
        return new Tarjan(edges).cyclic();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final Set<String> cyclic = new HashSet<>();
        private int next;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        Set<String> cyclic() {
            for (String v : edges.keySet()) if (!index.containsKey(v)) visit(v);
            return cyclic;
        }

        private void visit(String v) {
            index.put(v, next);
            low.put(v, next++);
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> scc = new HashSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    scc.add(w);
                } while (!w.equals(v));
                if (scc.size() > 1 || edges.getOrDefault(v, Set.of()).contains(v)) cyclic.addAll(scc);
            }
        }
    }
}
