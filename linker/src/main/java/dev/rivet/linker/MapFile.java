package dev.rivet.linker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The link map ({@code rivet build --emit map}): memory regions with their use, then each
 * output section with its run and load address, the input sections placed in it (object and
 * section name) and the symbols each defines, in address order.
 */
public final class MapFile {
    private MapFile() {}

    public static String write(LinkedImage image) {
        StringBuilder sb = new StringBuilder();
        sb.append("Memory regions\n\n");
        sb.append(String.format(Locale.ROOT, "%-12s %-10s %-10s %-10s %s%n", "region", "origin", "length", "used", "use"));
        for (LinkedImage.RegionUse r : image.regions())
            sb.append(String.format(Locale.ROOT, "%-12s 0x%08x 0x%08x 0x%08x %5.1f%%%n", r.name(), r.origin(), r.length(), r.used(),
                    r.length() == 0 ? 0.0 : 100.0 * r.used() / r.length()));
        sb.append(String.format(Locale.ROOT, "%nEntry point 0x%08x%n%nOutput sections%n", image.entry()));
        List<LinkedImage.LinkedSymbol> symbols = new ArrayList<>(image.symbols());
        symbols.sort(Comparator.comparingLong((LinkedImage.LinkedSymbol s) -> s.value() & ~1L).thenComparing(LinkedImage.LinkedSymbol::name));
        for (LinkedImage.OutputSection s : image.sections()) {
            sb.append(String.format(Locale.ROOT, "%n%-24s 0x%08x 0x%08x", s.name(), s.vma(), s.size()));
            if (s.lma() != s.vma()) sb.append(String.format(Locale.ROOT, " load address 0x%08x", s.lma()));
            if (!s.loaded()) sb.append(" (no file contents)");
            sb.append('\n');
            for (LinkedImage.Placement p : s.placements()) {
                sb.append(String.format(Locale.ROOT, " %-23s 0x%08x 0x%08x %s%n", p.section(), p.address(), p.size(), p.object()));
                for (LinkedImage.LinkedSymbol sym : symbols) {
                    long a = sym.value() & ~1L;
                    boolean inside = a >= p.address() && (a < p.address() + p.size() || (p.size() == 0 && a == p.address()));
                    if (inside && s.name().equals(sym.section()))
                        sb.append(String.format(Locale.ROOT, " %24s 0x%08x %s%n", "", sym.value(), sym.name()));
                }
            }
        }
        if (!image.folded().isEmpty()) {
            sb.append("\nIdentical code folded (the symbols of each section now name the one kept)\n\n");
            for (LinkedImage.Folded f : image.folded())
                sb.append(String.format(Locale.ROOT, " %s %s -> %s %s%n", f.section(), f.object(), f.intoSection(), f.intoObject()));
        }
        sb.append("\nAbsolute symbols\n\n");
        for (LinkedImage.LinkedSymbol sym : symbols)
            if (sym.section() == null) sb.append(String.format(Locale.ROOT, " 0x%08x %s%n", sym.value(), sym.name()));
        return sb.toString();
    }
}
