package dev.rivet.frontend.check;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.check.PatSpace.DPat;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustiveness of patterns: a {@code match} must cover every value of its scrutinee
 * (rustc's E0004), and the pattern of a {@code let} without {@code else}, a {@code for} loop or
 * a parameter must match every value of its type (E0005). Each error lists values that are not
 * covered, written as patterns ({@code E::B(1_u8..=u8::MAX)}, {@code &[_, _, ..]}), as rustc
 * lists them: the first three, then "and N more".
 *
 * <p>The algorithm is the usefulness computation of Maranget ("Warnings for pattern matching",
 * 2007) in the form rustc's {@code rustc_pattern_analysis} gives it. The arms are the rows of a
 * matrix whose columns are places of the scrutinee; at first there is one column. Take the
 * first column's type and the constructors its rows start with, and split them against the
 * type ({@link PatCtor}): the constructors some row mentions, cut so that each is inside or
 * outside every row's, and those no row mentions ("missing"). For each present constructor,
 * <em>specialize</em>: keep the rows whose head covers it, replacing the head by its fields
 * (a wildcard gives wildcard fields), and recurse. For the missing ones, keep only the rows
 * whose head is a wildcard, drop the column and recurse. With no columns left, the remaining
 * rows cover everything unless all of them are guarded: then there is a witness, the empty
 * tuple of patterns, and on the way back up each level wraps the witness in the constructor it
 * specialized by (for "missing", one witness per missing constructor, or one {@code _} when
 * the column mentioned no constructor at all). Or-patterns are expanded into one row per
 * alternative when they reach the head. As in rustc, once a column has missing constructors
 * only they are reported: the present ones are not explored (the missing ones already prove
 * the match non-exhaustive), which keeps lists short and the search small.
 *
 * <p>Cost: for a match of n arms with patterns of total size s, each level of the recursion
 * touches each row once, and integer ranges are split by a sort of their ends, so a match
 * over one column is O(s log s). Patterns over several columns can need exponentially many
 * specializations in the worst case (as in every exhaustiveness checker); the work is capped at
 * {@link #BUDGET} rows made, beyond which the match is left to the run-time check lowering
 * emits (a trap) rather than reported. Finding which rows a constructor keeps scans the
 * column, so n arms that each name a different constructor cost n² cheap tests.
 */
final class Exhaustiveness {
    /** A place whose patterns must cover every value: a match, or a binding that cannot fail. */
    sealed interface Site {
        record Match(Expr.Match match, Ty scrutinee) implements Site {}

        /** {@code where}: rustc's words, "local binding", "function argument", "`for` loop binding". */
        record Binding(Pat pattern, Ty type, String where) implements Site {}
    }

    /** Rows of specialized matrices made, at most: beyond, the match is left to the run-time check. */
    private static final int BUDGET = 2_000_000;
    /** rustc shows this many uncovered patterns, then "and N more". */
    private static final int SHOWN = 3;

    private record Row(List<DPat> pats, boolean guarded) {}

    private final Diagnostics diags;
    private final PatSpace space;
    private final WitnessPrinter printer = new WitnessPrinter();
    private int work;

    Exhaustiveness(Diagnostics diags, Typing typing) {
        this.diags = diags;
        this.space = new PatSpace(typing);
    }

    void check(Site site) {
        work = 0;
        switch (site) {
            case Site.Match m -> match(m.match(), Infer.resolve(m.scrutinee(), true));
            case Site.Binding b -> binding(b.pattern(), Infer.resolve(b.type(), true), b.where());
        }
    }

    private void match(Expr.Match m, Ty t) {
        if (Infer.hasUnresolved(t) || t instanceof Ty.Error) return;
        if (m.arms().isEmpty() && !PatSpace.isEmpty(t)
                && !(t instanceof Ty.Adt a && a.def().kind == AdtInfo.Kind.ENUM)) {
            diags.add(Diagnostic.error(m.scrutinee().span(), "E0004", "non-exhaustive patterns: type `" + Ty.show(t) + "` is non-empty"));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Expr.Arm arm : m.arms()) rows.add(new Row(List.of(space.of(arm.pattern(), t)), arm.guard() != null));
        List<String> missing = witnesses(rows, t);
        if (missing.isEmpty()) return;
        String list = joined(missing);
        diags.add(Diagnostic.error(m.scrutinee().span(), "E0004", "non-exhaustive patterns: " + list + " not covered")
                .withLabel((missing.size() == 1 ? "pattern " : "patterns ") + list + " not covered"));
    }

    private void binding(Pat p, Ty t, String where) {
        if (Infer.hasUnresolved(t) || t instanceof Ty.Error) return;
        List<String> missing = witnesses(List.of(new Row(List.of(space.of(p, t)), false)), t);
        if (missing.isEmpty()) return;
        String list = joined(missing);
        diags.add(Diagnostic.error(p.span(), "E0005", "refutable pattern in " + where)
                .withLabel((missing.size() == 1 ? "pattern " : "patterns ") + list + " not covered"));
    }

    /** The uncovered values, written as patterns; empty when the rows are exhaustive (or the budget ran out). */
    private List<String> witnesses(List<Row> rows, Ty t) {
        try {
            return compute(rows, List.of(t), true).stream().map(w -> printer.show(w.getFirst())).toList();
        } catch (OverBudget e) {
            return List.of();
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() { super(null, null, false, false); }
    }

    /**
     * The witnesses of the rows' non-exhaustiveness over columns of {@code types}: each a
     * pattern per column. {@code scrutinee}: the column is the whole matched value (missing
     * constructors are then listed one by one even when no row names any).
     */
    private List<List<DPat>> compute(List<Row> rows, List<Ty> types, boolean scrutinee) {
        work += rows.size() + 1;
        if (work > BUDGET) throw new OverBudget();
        if (types.isEmpty()) {
            List<List<DPat>> unit = new ArrayList<>();
            if (rows.stream().allMatch(Row::guarded)) unit.add(List.of());
            return unit;
        }
        if (rows.stream().anyMatch(r -> r.pats().getFirst().ctor() instanceof PatCtor.Or))
            return compute(expandOr(rows), types, scrutinee);
        Ty t = types.getFirst();
        List<PatCtor> seen = rows.stream().map(r -> r.pats().getFirst().ctor()).filter(c -> !(c instanceof PatCtor.Wildcard)).toList();
        PatCtor.Split split = PatSpace.split(t, seen);
        List<PatCtor> missing = split.missing();
        if (!missing.isEmpty() && !scrutinee && split.present().isEmpty()) missing = List.of(PatCtor.WILDCARD);
        else if (missing.stream().anyMatch(c -> c instanceof PatCtor.NonExhaustive)) missing = List.of(new PatCtor.NonExhaustive());
        List<PatCtor> ctors = new ArrayList<>(split.present());
        if (!split.missing().isEmpty()) ctors.add(PatCtor.MISSING);
        List<List<DPat>> out = new ArrayList<>();
        for (PatCtor c : ctors) {
            boolean isMissing = c instanceof PatCtor.Missing;
            if (!isMissing && !split.missing().isEmpty()) continue; // only the missing constructors are reported
            List<Ty> fieldTypes = isMissing ? List.of() : PatSpace.fieldTypes(c, t);
            List<Ty> specTypes = new ArrayList<>(fieldTypes);
            specTypes.addAll(types.subList(1, types.size()));
            List<List<DPat>> found = compute(specialize(rows, c, t), specTypes, false);
            if (isMissing) {
                for (PatCtor m : missing)
                    for (List<DPat> w : found) out.add(prepend(new DPat(m, PatSpace.fieldTypes(m, t).stream().map(DPat::wild).toList(), t), w));
            } else {
                for (List<DPat> w : found) {
                    int n = fieldTypes.size();
                    out.add(prepend(new DPat(c, List.copyOf(w.subList(0, n)), t), w.subList(n, w.size())));
                }
            }
        }
        return out;
    }

    /** The rows whose head covers {@code c}, the head replaced by its fields (none for the missing constructors). */
    private static List<Row> specialize(List<Row> rows, PatCtor c, Ty t) {
        List<Row> spec = new ArrayList<>();
        for (Row r : rows) {
            DPat head = r.pats().getFirst();
            boolean keep = c instanceof PatCtor.Missing ? head.ctor() instanceof PatCtor.Wildcard : PatCtor.coveredBy(c, head.ctor());
            if (!keep) continue;
            List<DPat> pats = new ArrayList<>(c instanceof PatCtor.Missing ? List.of() : PatSpace.specializedFields(head, c, t));
            pats.addAll(r.pats().subList(1, r.pats().size()));
            spec.add(new Row(pats, r.guarded()));
        }
        return spec;
    }

    /** One row per alternative of an or-pattern at the head (nested ones included). */
    private static List<Row> expandOr(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) expandInto(r.pats().getFirst(), r, out);
        return out;
    }

    private static void expandInto(DPat head, Row r, List<Row> out) {
        if (head.ctor() instanceof PatCtor.Or) {
            for (DPat alt : head.fields()) expandInto(alt, r, out);
            return;
        }
        List<DPat> pats = new ArrayList<>(r.pats());
        pats.set(0, head);
        out.add(new Row(pats, r.guarded()));
    }

    private static List<DPat> prepend(DPat p, List<DPat> rest) {
        List<DPat> out = new ArrayList<>(rest.size() + 1);
        out.add(p);
        out.addAll(rest);
        return out;
    }

    /** rustc's list: {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}, {@code `a`, `b`, `c` and 2 more}. */
    static String joined(List<String> witnesses) {
        int n = witnesses.size();
        if (n == 1) return "`" + witnesses.getFirst() + "`";
        if (n <= SHOWN) return "`" + String.join("`, `", witnesses.subList(0, n - 1)) + "` and `" + witnesses.getLast() + "`";
        return "`" + String.join("`, `", witnesses.subList(0, SHOWN)) + "` and " + (n - SHOWN) + " more";
    }
}
