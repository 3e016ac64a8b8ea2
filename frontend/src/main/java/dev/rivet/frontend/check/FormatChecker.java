package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the arguments of print-like macros against their format string at compile time:
 * the string parses, every placeholder has an argument of a type its format trait accepts,
 * every argument is used, and widths and precisions taken from arguments are {@code usize}.
 * Errors point at the offending character inside the string literal.
 */
final class FormatChecker {
    private final TypeChecker tc;

    FormatChecker(TypeChecker tc) {
        this.tc = tc;
    }

    /**
     * Checks {@code m.args()} from {@code first} on: the format string, then its arguments.
     * Returns the plan, or null after reporting errors.
     */
    FormatPlan check(Expr.Macro m, int first) {
        List<Expr> all = m.args();
        if (all.size() <= first) return new FormatPlan(List.of(), List.of());
        Expr fmt = all.get(first);
        if (!(fmt instanceof Expr.Lit lit && lit.value() instanceof Literal.Str str)) {
            all.subList(first, all.size()).forEach(a -> tc.check(a, null));
            tc.error(fmt.span(), "format argument must be a string literal");
            return null;
        }
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> named = new LinkedHashMap<>();
        for (Expr a : all.subList(first + 1, all.size())) {
            if (a instanceof Expr.Assign as && as.target() instanceof Expr.PathExpr p && p.path().isSingle()) {
                if (named.put(p.path().last(), as.value()) != null) tc.error(a.span(), "duplicate argument named `" + p.path().last() + "`");
            } else if (!named.isEmpty()) {
                tc.error(a.span(), "positional arguments cannot follow named arguments");
            } else {
                positional.add(a);
            }
        }
        List<FormatString.Piece> pieces;
        try {
            pieces = FormatString.parse(str.value());
        } catch (FormatString.Error e) {
            tc.error(StringOffsets.span(lit.span(), e.offset), e.getMessage());
            positional.forEach(a -> tc.check(a, null));
            named.values().forEach(a -> tc.check(a, null));
            return null;
        }
        return plan(lit, pieces, positional, named);
    }

    private FormatPlan plan(Expr.Lit lit, List<FormatString.Piece> pieces, List<Expr> positional, Map<String, Expr> named) {
        List<Expr> args = new ArrayList<>(positional);
        Map<String, Integer> namedIndex = new HashMap<>();
        for (Map.Entry<String, Expr> e : named.entrySet()) {
            namedIndex.put(e.getKey(), args.size());
            args.add(e.getValue());
        }
        List<Ty> types = new ArrayList<>();
        for (Expr a : args) types.add(tc.check(a, null));
        java.util.BitSet used = new java.util.BitSet();
        List<FormatPlan.Part> parts = new ArrayList<>();
        int maxPositional = -1;
        boolean ok = true;
        for (FormatString.Piece piece : pieces) {
            if (piece instanceof FormatString.Piece.Text t) {
                parts.add(new FormatPlan.Part.Text(t.text()));
                continue;
            }
            FormatString.Piece.Placeholder ph = (FormatString.Piece.Placeholder) piece;
            Span at = StringOffsets.span(lit.span(), ph.offset(), ph.length());
            int arg = resolve(ph.arg(), args, types, namedIndex, at);
            int width = count(ph.spec().width(), args, types, namedIndex, at);
            int precision = count(ph.spec().precision(), args, types, namedIndex, at);
            for (FormatString.ArgRef r : List.of(ph.arg())) if (!(r instanceof FormatString.ArgRef.Name)) maxPositional = Math.max(maxPositional, index(r));
            if (ph.spec().width() instanceof FormatString.Count.Arg w && !(w.arg() instanceof FormatString.ArgRef.Name))
                maxPositional = Math.max(maxPositional, index(w.arg()));
            if (ph.spec().precision() instanceof FormatString.Count.Arg p && !(p.arg() instanceof FormatString.ArgRef.Name))
                maxPositional = Math.max(maxPositional, index(p.arg()));
            if (arg < 0 || width == -2 || precision == -2) {
                ok = false;
                continue;
            }
            used.set(arg);
            if (width >= 0) used.set(width);
            if (precision >= 0) used.set(precision);
            ok &= traitOk(ph.spec().type(), types.get(arg), args.get(arg).span());
            parts.add(new FormatPlan.Part.Slot(arg, ph.spec(), width, precision));
        }
        // Explicitly named arguments also count as positional ones, after the unnamed ones (as in rustc).
        int explicit = positional.size() + named.size();
        if (maxPositional >= explicit) {
            int n = maxPositional + 1;
            tc.error(lit.span(), n + " positional argument" + (n == 1 ? "" : "s") + " in format string, but there "
                    + (explicit == 1 ? "is 1 argument" : "are " + explicit + " arguments"));
            return null;
        }
        for (int i = 0; i < args.size(); i++) {
            Ty t = dev.rivet.frontend.types.Infer.shallow(types.get(i));
            if (t instanceof Ty.Str || t instanceof Ty.Slice) { // format_args! borrows each argument, which must be Sized
                tc.error(args.get(i).span(), "the size for values of type `" + Ty.show(t) + "` cannot be known at compilation time");
                ok = false;
            }
        }
        for (int i = 0; i < positional.size() + named.size(); i++)
            if (!used.get(i)) {
                tc.error(args.get(i).span(), i < positional.size() ? "argument never used" : "named argument never used");
                ok = false;
            }
        return ok ? new FormatPlan(parts, args) : null;
    }

    private static int index(FormatString.ArgRef r) {
        return switch (r) {
            case FormatString.ArgRef.Next n -> n.index();
            case FormatString.ArgRef.Index i -> i.index();
            case FormatString.ArgRef.Name n -> -1;
        };
    }

    /** The argument index for a reference, capturing a variable for an unknown name; -1 on error. */
    private int resolve(FormatString.ArgRef r, List<Expr> args, List<Ty> types, Map<String, Integer> named, Span at) {
        if (r instanceof FormatString.ArgRef.Name n) {
            Integer i = named.get(n.name());
            if (i != null) return i;
            Expr capture = new Expr.PathExpr(Path.single(n.name(), at), at);
            Ty t = tc.check(capture, null);
            if (t instanceof Ty.Error) return -1;
            named.put(n.name(), args.size());
            args.add(capture);
            types.add(t);
            return args.size() - 1;
        }
        int i = index(r);
        return i < args.size() ? i : -1;
    }

    /** -1 for no argument, -2 for an error, else the argument index (which must be usize). */
    private int count(FormatString.Count c, List<Expr> args, List<Ty> types, Map<String, Integer> named, Span at) {
        if (!(c instanceof FormatString.Count.Arg a)) return -1;
        int i = resolve(a.arg(), args, types, named, at);
        if (i < 0) return -2;
        if (!tc.infer.unify(types.get(i), Ty.USIZE)) {
            tc.mismatch(args.get(i).span(), Ty.USIZE, types.get(i));
            return -2;
        }
        return i;
    }

    /** Debug in rivet's subset: scalars and str, and arrays, slices and tuples of them ({@code hex}: integers only). */
    private static boolean debuggable(Ty t, boolean hex) {
        Ty base = Infer.shallow(t);
        while (base instanceof Ty.Ref r) base = Infer.shallow(r.inner());
        if (base instanceof Ty.Int || base instanceof Ty.Var v && v.toString().equals("{integer}")) return true;
        if (base instanceof Ty.Bool || base instanceof Ty.Char || base instanceof Ty.Str) return !hex;
        if (base instanceof Ty.Array a) return debuggable(a.element(), hex);
        if (base instanceof Ty.Slice sl) return debuggable(sl.element(), hex);
        if (base instanceof Ty.Tuple tu) return tu.elements().stream().allMatch(e -> debuggable(e, hex));
        return base instanceof Ty.Error;
    }

    /** Whether the argument's type implements the placeholder's format trait (in rivet's subset). */
    private boolean traitOk(String type, Ty t, Span span) {
        Ty base = Infer.shallow(t);
        while (base instanceof Ty.Ref r) base = Infer.shallow(r.inner());
        if (base instanceof Ty.Never) return true; // `!` implements every format trait; the argument never arrives
        boolean isInt = base instanceof Ty.Int || (base instanceof Ty.Var v && v.toString().equals("{integer}"));
        boolean ok = switch (type) {
            case "" -> isInt || base instanceof Ty.Bool || base instanceof Ty.Char || base instanceof Ty.Str;
            case "?", "x?", "X?" -> debuggable(base, !type.equals("?"));
            case "x", "X", "o", "b" -> isInt;
            default -> {
                tc.unsupported(span, "the `{:" + type + "}` format");
                yield true;
            }
        };
        if (base instanceof Ty.Error) return false;
        if (!ok) {
            String trait = switch (type) {
                case "" -> "std::fmt::Display";
                case "?" -> "Debug";
                case "x", "x?" -> "LowerHex";
                case "X", "X?" -> "UpperHex";
                case "o" -> "Octal";
                default -> "Binary";
            };
            tc.error(span, "`" + Ty.show(t) + "` doesn't implement `" + trait + "`");
        }
        return ok;
    }
}
