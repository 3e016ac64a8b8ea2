package dev.rivet.frontend.check;

import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.util.List;
import java.util.Set;

/**
 * The built-in methods of primitive types that tier 1 needs: integer arithmetic and bit
 * methods, ASCII queries on {@code u8} and {@code char}, slice and str lengths and pointers,
 * and raw-pointer arithmetic and volatile access. Lowering implements each by name.
 */
public final class MethodTable {
    /** A built-in method's signature for one receiver type: how it takes self, parameters and result. */
    public record Method(MethodRes.AutoRef self, List<Ty> params, Ty ret) {}

    private static final Set<String> INT_SAME = Set.of("wrapping_add", "wrapping_sub", "wrapping_mul", "wrapping_div",
            "wrapping_rem", "saturating_add", "saturating_sub", "saturating_mul", "min", "max", "rem_euclid", "div_euclid");
    private static final Set<String> INT_UNARY = Set.of("wrapping_neg", "swap_bytes", "reverse_bits", "to_be", "to_le");
    private static final Set<String> INT_U32_ARG = Set.of("wrapping_shl", "wrapping_shr", "rotate_left", "rotate_right",
            "pow", "wrapping_pow");
    private static final Set<String> INT_COUNT = Set.of("count_ones", "count_zeros", "leading_zeros", "trailing_zeros",
            "leading_ones", "trailing_ones");
    private static final Set<String> ASCII_QUERIES = Set.of("is_ascii", "is_ascii_digit", "is_ascii_alphabetic",
            "is_ascii_alphanumeric", "is_ascii_uppercase", "is_ascii_lowercase", "is_ascii_whitespace",
            "is_ascii_hexdigit", "is_ascii_punctuation", "is_ascii_graphic", "is_ascii_control");

    /** Methods of core that rivet does not compile yet, so that calling one reads "unsupported", not "not found". */
    private static final Set<String> SLICE_LATER = Set.of("iter", "iter_mut", "into_iter", "get", "get_mut", "first", "last",
            "first_mut", "last_mut", "split_first", "split_last", "contains", "swap", "fill", "copy_from_slice",
            "clone_from_slice", "split_at", "split_at_mut", "chunks", "chunks_exact", "windows", "sort", "sort_unstable",
            "sort_by", "sort_by_key", "binary_search", "reverse", "starts_with", "ends_with", "map", "clone", "eq", "cmp");
    private static final Set<String> STR_LATER = Set.of("chars", "bytes", "char_indices", "split", "split_whitespace", "lines",
            "trim", "trim_start", "trim_end", "parse", "starts_with", "ends_with", "contains", "find", "rfind", "get", "split_at",
            "strip_prefix", "strip_suffix", "to_uppercase", "to_lowercase", "eq_ignore_ascii_case", "repeat", "eq", "cmp");
    private static final Set<String> SCALAR_LATER = Set.of("checked_add", "checked_sub", "checked_mul", "checked_div",
            "checked_rem", "checked_neg", "checked_shl", "checked_shr", "checked_pow", "checked_abs", "checked_ilog2",
            "checked_ilog10", "checked_next_power_of_two", "overflowing_add", "overflowing_sub", "overflowing_mul",
            "overflowing_neg", "overflowing_shl", "overflowing_shr", "overflowing_pow", "to_digit", "from_digit", "to_string",
            "is_alphabetic", "is_numeric", "is_alphanumeric", "is_whitespace", "is_uppercase", "is_lowercase", "is_control",
            "to_uppercase", "to_lowercase", "encode_utf8", "cmp", "partial_cmp", "eq", "ne", "clone", "into", "try_into");

    private MethodTable() {}

    /** Whether {@code name} is a method core has on {@code receiver} (after dereferencing) that rivet leaves to a later tier. */
    public static boolean isLaterTier(Ty receiver, String name) {
        Ty t = Infer.shallow(receiver);
        while (t instanceof Ty.Ref r) t = Infer.shallow(r.inner());
        return switch (t) {
            case Ty.Array a -> SLICE_LATER.contains(name);
            case Ty.Slice sl -> SLICE_LATER.contains(name);
            case Ty.Str st -> STR_LATER.contains(name);
            case Ty.Int i -> SCALAR_LATER.contains(name);
            case Ty.Char c -> SCALAR_LATER.contains(name);
            case Ty.Bool b -> SCALAR_LATER.contains(name);
            default -> false;
        };
    }

    public static boolean exists(Ty receiver, String name) {
        return lookup(receiver, name) != null;
    }

    /** The method {@code name} on {@code receiver} (already dereferenced), or null. */
    public static Method lookup(Ty receiver, String name) {
        Ty t = Infer.shallow(receiver);
        return switch (t) {
            case Ty.Int i -> intMethod(i, name);
            case Ty.Char c -> charMethod(name);
            case Ty.Slice s -> sliceMethod(s.element(), name);
            case Ty.Str s -> strMethod(name);
            case Ty.Ptr p -> pointerMethod(p, name);
            default -> null;
        };
    }

    private static Method intMethod(Ty.Int t, String name) {
        IntKind k = t.kind();
        MethodRes.AutoRef v = MethodRes.AutoRef.NONE;
        if (INT_SAME.contains(name)) return new Method(v, List.of(t), t);
        if (INT_UNARY.contains(name)) return new Method(v, List.of(), t);
        if (INT_U32_ARG.contains(name)) return new Method(v, List.of(Ty.U32), t);
        if (INT_COUNT.contains(name)) return new Method(v, List.of(), Ty.U32);
        switch (name) {
            case "clamp": return new Method(v, List.of(t, t), t);
            case "to_le_bytes", "to_be_bytes", "to_ne_bytes": return new Method(v, List.of(), new Ty.Array(Ty.U8, k.bytes()));
            case "abs_diff": return new Method(v, List.of(t), new Ty.Int(unsigned(k)));
            case "ilog2", "ilog10": return new Method(v, List.of(), Ty.U32);
            default: break;
        }
        if (k.signed) {
            switch (name) {
                case "abs", "signum", "wrapping_abs": return new Method(v, List.of(), t);
                case "unsigned_abs": return new Method(v, List.of(), new Ty.Int(unsigned(k)));
                case "is_positive", "is_negative": return new Method(v, List.of(), Ty.BOOL);
                default: return null;
            }
        }
        switch (name) {
            case "is_power_of_two": return new Method(v, List.of(), Ty.BOOL);
            case "next_power_of_two": return new Method(v, List.of(), t);
            case "div_ceil": return new Method(v, List.of(t), t);
            default: break;
        }
        if (k == IntKind.U8) {
            if (ASCII_QUERIES.contains(name)) return new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.BOOL);
            if (name.equals("to_ascii_uppercase") || name.equals("to_ascii_lowercase"))
                return new Method(MethodRes.AutoRef.SHARED, List.of(), t);
            if (name.equals("eq_ignore_ascii_case")) return new Method(MethodRes.AutoRef.SHARED, List.of(Ty.ref(t)), Ty.BOOL);
        }
        return null;
    }

    static IntKind unsigned(IntKind k) {
        return switch (k) {
            case I8 -> IntKind.U8;
            case I16 -> IntKind.U16;
            case I32 -> IntKind.U32;
            case I64 -> IntKind.U64;
            case I128 -> IntKind.U128;
            case ISIZE -> IntKind.USIZE;
            default -> k;
        };
    }

    private static Method charMethod(String name) {
        if (ASCII_QUERIES.contains(name)) return new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.BOOL);
        return switch (name) {
            case "to_ascii_uppercase", "to_ascii_lowercase" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.CHAR);
            case "eq_ignore_ascii_case" -> new Method(MethodRes.AutoRef.SHARED, List.of(Ty.ref(Ty.CHAR)), Ty.BOOL);
            case "len_utf8" -> new Method(MethodRes.AutoRef.NONE, List.of(), Ty.USIZE);
            case "is_digit" -> new Method(MethodRes.AutoRef.NONE, List.of(Ty.U32), Ty.BOOL);
            default -> null;
        };
    }

    private static Method sliceMethod(Ty elem, String name) {
        return switch (name) {
            case "len" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.USIZE);
            case "is_empty" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.BOOL);
            case "as_ptr" -> new Method(MethodRes.AutoRef.SHARED, List.of(), new Ty.Ptr(false, elem));
            case "as_mut_ptr" -> new Method(MethodRes.AutoRef.MUT, List.of(), new Ty.Ptr(true, elem));
            default -> null;
        };
    }

    private static Method strMethod(String name) {
        return switch (name) {
            case "len" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.USIZE);
            case "is_empty" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.BOOL);
            case "as_bytes" -> new Method(MethodRes.AutoRef.SHARED, List.of(), Ty.ref(new Ty.Slice(Ty.U8)));
            case "as_ptr" -> new Method(MethodRes.AutoRef.SHARED, List.of(), new Ty.Ptr(false, Ty.U8));
            default -> null;
        };
    }

    private static Method pointerMethod(Ty.Ptr p, String name) {
        MethodRes.AutoRef v = MethodRes.AutoRef.NONE;
        return switch (name) {
            case "add", "sub", "wrapping_add", "wrapping_sub" -> new Method(v, List.of(Ty.USIZE), p);
            case "offset", "wrapping_offset" -> new Method(v, List.of(new Ty.Int(IntKind.ISIZE)), p);
            case "is_null" -> new Method(v, List.of(), Ty.BOOL);
            case "read_volatile", "read" -> new Method(v, List.of(), p.inner());
            case "write_volatile", "write" -> p.mutable() ? new Method(v, List.of(p.inner()), Ty.UNIT) : null;
            default -> null;
        };
    }
}
