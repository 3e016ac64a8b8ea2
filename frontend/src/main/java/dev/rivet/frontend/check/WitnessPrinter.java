package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.check.PatSpace.DPat;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a value the patterns do not cover as rustc writes it in E0004 and E0005: integers with
 * their type suffix and {@code MIN}/{@code MAX} by name ({@code 6_u8..=u8::MAX},
 * {@code i32::MIN..=-1_i32}, {@code usize::MAX..}), chars as Debug writes them, variants
 * through their enum ({@code E::B(_)}, {@code E::C { x: 0_u8, .. }}), references, tuples and
 * slices ({@code &[_, .., 0_u8]}).
 */
final class WitnessPrinter {
    String show(DPat w) {
        Ty t = Infer.resolve(w.type(), true);
        return switch (w.ctor()) {
            case PatCtor.Bool b -> String.valueOf(b.value());
            case PatCtor.IntRange r -> t instanceof Ty.Char ? chars(r) : t instanceof Ty.Int i ? ints(r, i.kind()) : "_";
            case PatCtor.Variant v -> ((Ty.Adt) t).def().name + "::" + v.variant().name + fields(v.variant(), w.fields());
            case PatCtor.Single s -> switch (t) {
                case Ty.Ref r -> (r.mutable() ? "&mut " : "&") + show(w.fields().getFirst());
                case Ty.Tuple tu -> "(" + String.join(", ", w.fields().stream().map(this::show).toList()) + (tu.elements().size() == 1 ? ",)" : ")");
                case Ty.Adt a -> a.def().name + fields(a.def().struct(), w.fields());
                default -> "_";
            };
            case PatCtor.Slice s -> slice(s, w.fields());
            default -> "_";
        };
    }

    private String fields(AdtInfo.Variant v, List<DPat> fields) {
        if (v.kind == Item.StructKind.UNIT) return "";
        if (v.kind == Item.StructKind.TUPLE) return "(" + String.join(", ", fields.stream().map(this::show).toList()) + ")";
        List<String> named = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++)
            if (!(fields.get(i).ctor() instanceof PatCtor.Wildcard)) named.add(v.fields.get(i).name() + ": " + show(fields.get(i)));
        if (named.size() < fields.size() || fields.isEmpty()) named.add("..");
        return " { " + String.join(", ", named) + " }";
    }

    private String slice(PatCtor.Slice s, List<DPat> fields) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.prefix(); i++) parts.add(show(fields.get(i)));
        if (s.variable()) parts.add("..");
        for (int i = s.prefix(); i < s.arity(); i++) parts.add(show(fields.get(i)));
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * A range of integers. For usize and isize the values beyond MIN and MAX (see
     * {@link PatCtor.IntRange}) make the range half-open: {@code ..=-1_isize}, {@code 6_usize..},
     * {@code usize::MAX..}.
     */
    private static String ints(PatCtor.IntRange r, IntKind k) {
        BigInteger below = k.min().subtract(BigInteger.ONE), above = k.max().add(BigInteger.ONE);
        boolean fromBelow = r.lo().equals(below), toAbove = r.hi().equals(above);
        if (fromBelow && toAbove) return "_";
        if (fromBelow) return r.hi().equals(below) ? ".." + k.name + "::MIN" : "..=" + value(r.hi(), k);
        if (toAbove) return value(r.lo().equals(above) ? k.max() : r.lo(), k) + "..";
        if (r.lo().equals(r.hi())) return value(r.lo(), k);
        return value(r.lo(), k) + "..=" + value(r.hi(), k);
    }

    private static String value(BigInteger v, IntKind k) {
        if (v.equals(k.max())) return k.name + "::MAX";
        if (k.signed && v.equals(k.min())) return k.name + "::MIN";
        return v + "_" + k.name;
    }

    private static String chars(PatCtor.IntRange r) {
        String lo = character(r.lo().intValue());
        return r.lo().equals(r.hi()) ? lo : lo + "..=" + character(r.hi().intValue());
    }

    /** A char literal as {@code {:?}} writes it. */
    static String character(int cp) {
        String body = switch (cp) {
            case 0 -> "\\0";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\'' -> "\\'";
            case '\\' -> "\\\\";
            default -> escaped(cp) ? "\\u{" + Integer.toHexString(cp) + "}" : new String(Character.toChars(cp));
        };
        return "'" + body + "'";
    }

    private static boolean escaped(int cp) {
        if (cp < 0x20 || cp == 0x7F) return true;
        if (cp < 0x80) return false;
        if (cp <= 0xA0 || cp == 0xAD) return true;
        return cp >= 0x100 && dev.rivet.frontend.lower.DebugEscapes.escaped(cp);
    }
}
