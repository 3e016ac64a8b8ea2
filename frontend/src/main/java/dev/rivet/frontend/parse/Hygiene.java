package dev.rivet.frontend.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Syntax contexts for the hygiene of macro_rules locals ("mixed-site" hygiene). Every
 * expansion gets a fresh mark; a token the macro's body produced gets the context "its own
 * context plus this mark", while tokens substituted for metavariables keep theirs. Two uses
 * of a local name refer to the same binding only when their contexts are equal, so a
 * {@code let x} in a macro body is invisible to the caller's {@code x} and the other way
 * round. Contexts are interned: the same (context, mark) pair always gives the same number,
 * and 0 is the context of code written outside macros. The parser folds the context into the
 * name of bindings and local paths (see {@code Names}); items, fields and methods ignore it.
 */
final class Hygiene {
    private final Map<Long, Integer> contexts = new HashMap<>();
    /** Each context's parent (the context the marked token had before), by context number. */
    private final java.util.List<Integer> parents = new java.util.ArrayList<>(java.util.List.of(0));
    private final Map<Integer, String> suffixes = new HashMap<>(Map.of(0, ""));
    private int nextContext = 1;
    private int nextMark = 1;

    /** A mark for a new expansion. */
    int freshMark() { return nextMark++; }

    /** The context of a token of context {@code ctx} produced by the expansion with {@code mark}. */
    int apply(int ctx, int mark) {
        return contexts.computeIfAbsent(((long) ctx << 32) | mark, k -> {
            parents.add(ctx);
            return nextContext++;
        });
    }

    /** The marks a name written in context {@code ctx} carries: "" for 0, else the parent's plus {@code #ctx}. */
    String suffix(int ctx) {
        String s = suffixes.get(ctx);
        if (s == null) {
            s = suffix(parents.get(ctx)) + dev.rivet.frontend.Names.MARK + ctx;
            suffixes.put(ctx, s);
        }
        return s;
    }
}
