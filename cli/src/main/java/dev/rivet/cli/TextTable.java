package dev.rivet.cli;

import java.util.Arrays;
import java.util.List;

/** Plain-text tables with aligned columns, the way `rivet boards` and `rivet size` print them. */
final class TextTable {
    private TextTable() {}

    /**
     * @param rows         the first row is the header
     * @param rightAligned indices of numeric columns, which are aligned right
     */
    static String render(List<String[]> rows, int... rightAligned) {
        int cols = rows.getFirst().length;
        int[] width = new int[cols];
        for (String[] r : rows)
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                int column = i;
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(Arrays.stream(rightAligned).anyMatch(c -> c == column) ? pad + r[i] : r[i] + pad);
                if (i < cols - 1) line.append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
