package dev.rivet.boards;

import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates by edit distance, shared by every lookup that can miss. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * Names within a small edit distance of {@code wanted} (or containing it), closest first.
     *
     * @param max how many to return at most
     */
    public static List<String> closest(String wanted, List<String> names, int max) {
        int limit = Math.max(2, wanted.length() / 3);
        return names.stream()
                .filter(n -> distance(wanted, n) <= limit || n.contains(wanted) || wanted.contains(n))
                .sorted(Comparator.comparingInt((String n) -> distance(wanted, n)).thenComparing(n -> n))
                .limit(max).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
