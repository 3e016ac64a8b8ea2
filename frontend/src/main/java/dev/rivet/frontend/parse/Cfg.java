package dev.rivet.frontend.parse;

import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * The configuration {@code #[cfg(...)]} tests: a set of options such as {@code test} and
 * {@code target_arch="arm"}. Items, fields, variants and statements whose cfg is false are
 * dropped while parsing, as rustc does before name resolution.
 */
public record Cfg(Set<String> options) {
    /** No target: the interpreter's configuration. */
    public static final Cfg NONE = new Cfg(Set.of("target_os=\"none\""));

    /** The configuration for a target architecture ({@code arm} or {@code riscv32}), optionally in test mode. */
    public static Cfg forTarget(String arch, boolean test, Set<String> more) {
        java.util.HashSet<String> s = new java.util.HashSet<>(more);
        s.add("target_os=\"none\"");
        if (arch != null) s.add("target_arch=\"" + arch + "\"");
        if (test) s.add("test");
        return new Cfg(Set.copyOf(s));
    }

    /** This configuration plus one more option. */
    public Cfg with(String option) {
        java.util.HashSet<String> s = new java.util.HashSet<>(options);
        s.add(option);
        return new Cfg(Set.copyOf(s));
    }

    /** False if some {@code cfg} attribute among {@code attrs} does not hold. */
    public boolean enabled(List<Attribute> attrs) {
        for (Attribute a : attrs) {
            if (!a.name().equals("cfg")) continue;
            List<Token> t = a.args(); // the tokens inside cfg( ... )
            if (t.isEmpty()) continue;
            if (!predicate(t, new int[] {0})) return false;
        }
        return true;
    }

    /** Whether the predicate spelled by {@code tokens} ({@code feature = "x"}, {@code not(test)}, ...) holds: {@code cfg!}. */
    public boolean test(List<Token> tokens) {
        return !tokens.isEmpty() && predicate(tokens, new int[] {0});
    }

    private boolean predicate(List<Token> t, int[] at) {
        if (at[0] >= t.size()) return false;
        Token name = t.get(at[0]++);
        String n = name.text();
        if (at[0] < t.size() && t.get(at[0]).kind() == TokenKind.OPEN_PAREN && Set.of("all", "any", "not").contains(n)) {
            at[0]++;
            boolean all = true, any = false;
            int count = 0;
            while (at[0] < t.size() && t.get(at[0]).kind() != TokenKind.CLOSE_PAREN) {
                boolean v = predicate(t, at);
                all &= v;
                any |= v;
                count++;
                if (at[0] < t.size() && t.get(at[0]).isPunct(",")) at[0]++;
            }
            at[0]++; // ')'
            return switch (n) {
                case "all" -> all;
                case "any" -> any;
                default -> count == 1 && !all;
            };
        }
        if (at[0] + 1 < t.size() && t.get(at[0]).isPunct("=")) {
            Token value = t.get(at[0] + 1);
            at[0] += 2;
            return options.contains(n + "=\"" + value.value() + "\"");
        }
        return options.contains(n);
    }
}
