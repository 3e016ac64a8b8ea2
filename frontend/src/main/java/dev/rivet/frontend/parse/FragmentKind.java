package dev.rivet.frontend.parse;

import java.util.Map;

/**
 * The fragment specifiers of macro_rules metavariables ({@code $e:expr}). An opaque fragment
 * ({@code expr}, {@code ty}, {@code pat}, ...) is substituted as one token that the parser reads
 * as a whole, so a later macro cannot look inside it and {@code $e * 2} keeps {@code $e} grouped;
 * {@code ident}, {@code lifetime}, {@code tt} (and, in rivet, {@code meta} and {@code vis}, which
 * only appear where tokens are read as they are) are substituted token by token.
 */
public enum FragmentKind {
    BLOCK("block", true), EXPR("expr", true), EXPR_2021("expr_2021", true), IDENT("ident", false),
    ITEM("item", true), LIFETIME("lifetime", false), LITERAL("literal", true), META("meta", false),
    PAT("pat", true), PAT_PARAM("pat_param", true), PATH("path", true), STMT("stmt", true), TT("tt", false),
    TY("ty", true), VIS("vis", false);

    public final String spelling;
    public final boolean opaque;

    FragmentKind(String spelling, boolean opaque) {
        this.spelling = spelling;
        this.opaque = opaque;
    }

    private static final Map<String, FragmentKind> BY_NAME = Map.ofEntries(
            java.util.Arrays.stream(values()).map(k -> Map.entry(k.spelling, k)).toArray(Map.Entry[]::new));

    /** The kind spelled {@code name}, or null. */
    public static FragmentKind byName(String name) { return BY_NAME.get(name); }

    /** rustc's list, for "invalid fragment specifier" help. */
    static final String VALID = "valid fragment specifiers are `ident`, `block`, `stmt`, `expr`, `pat`, `ty`, `lifetime`, "
            + "`literal`, `path`, `meta`, `tt`, `item` and `vis`, along with `expr_2021` and `pat_param` for edition compatibility";
}
