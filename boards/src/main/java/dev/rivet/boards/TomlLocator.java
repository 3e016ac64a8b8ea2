package dev.rivet.boards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line and column of a field in a TOML text, given the field's path as Jackson
 * reports it ({@code memory[0].length}, {@code console.init[2].value}).
 *
 * <p>Jackson's TOML module parses into a tree before binding, so its errors carry a path but no
 * position. Board files are simple (tables, arrays of tables, one level of inline tables and
 * one inline array per line), and for those this scan finds the exact key; for anything deeper
 * it returns the closest enclosing key that it can find, which is still the right line to look at.
 */
public final class TomlLocator {
    /** A position in the text, 1-based. */
    public record Position(int line, int column) {}

    private static final Pattern HEADER = Pattern.compile("^\\s*(\\[\\[?)\\s*([A-Za-z0-9_.-]+)\\s*\\]\\]?");
    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_-]+)\\s*=");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)|\\[(\\d+)\\]");

    private final List<String> lines;

    public TomlLocator(String text) {
        this.lines = text.lines().toList();
    }

    /** The position of {@code path}, or of its longest locatable prefix; null when nothing matches. */
    public Position find(String path) {
        List<String> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) segments.add(m.group(1) != null ? m.group(1) : "[" + m.group(2) + "]");
        for (int n = segments.size(); n > 0; n--) {
            Position p = locate(segments.subList(0, n));
            if (p != null) return p;
        }
        return null;
    }

    /** Scans tables in order, tracking which table (and which element of an array of tables) each line is in. */
    private Position locate(List<String> segments) {
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                table = h.group(2);
                if (h.group(1).equals("[[")) {
                    int index = arrayCounts.merge(table, 1, Integer::sum) - 1;
                    table = table + ".[" + index + "]";
                }
                if (String.join(".", segments).equals(table)) return new Position(i + 1, h.start(2) + 1);
                continue;
            }
            Matcher k = KEY.matcher(line);
            if (!k.find()) continue;
            String key = table.isEmpty() ? k.group(2) : table + "." + k.group(2);
            String wanted = String.join(".", segments);
            if (wanted.equals(key)) return new Position(i + 1, k.start(2) + 1);
            if (wanted.startsWith(key + ".[")) {
                Position element = arrayElement(i, wanted.substring(key.length() + 2));
                if (element != null) return element;
            }
        }
        return null;
    }

    /** For {@code key = [ {..}, {..} ]} written one element per line: the line of element N. */
    private Position arrayElement(int keyLine, String rest) {
        int index = Integer.parseInt(rest.substring(0, rest.indexOf(']')));
        int seen = 0;
        for (int i = keyLine + 1; i < lines.size() && !lines.get(i).strip().startsWith("]"); i++) {
            String s = lines.get(i).strip();
            if (s.startsWith("{") && seen++ == index)
                return new Position(i + 1, lines.get(i).indexOf('{') + 1);
        }
        return null;
    }
}
