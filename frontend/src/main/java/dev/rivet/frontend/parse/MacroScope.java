package dev.rivet.frontend.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The textual scope of macro_rules macros: a definition is visible from where it appears to
 * the end of the enclosing block or module (including child modules declared after it, in the
 * same file or in their own files), and shadows earlier macros of the same name. Parsing walks
 * the crate in source order, so the scope is one mutable table with an undo log: entering a
 * block or module notes the log's length, leaving it undoes the definitions made since (a
 * {@code #[macro_use]} module skips the undo, so its macros stay visible after it). Every
 * operation is O(1).
 */
final class MacroScope {
    private final Map<String, ArrayDeque<MacroDef>> byName = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    void define(MacroDef def) {
        byName.computeIfAbsent(def.name, k -> new ArrayDeque<>()).push(def);
        log.add(def.name);
    }

    /** The innermost visible macro named {@code name}, or null. */
    MacroDef lookup(String name) {
        ArrayDeque<MacroDef> defs = byName.get(name);
        return defs == null ? null : defs.peek();
    }

    /** A point to come back to with {@link #restore}. */
    int mark() { return log.size(); }

    /** Forgets the definitions made since {@code mark}. */
    void restore(int mark) {
        while (log.size() > mark) byName.get(log.removeLast()).pop();
    }
}
