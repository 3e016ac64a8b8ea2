package dev.rivet.linker.script;

import java.util.List;

/** A parsed GNU ld script: the subset firmware uses. */
public record LinkerScript(List<Command> commands) {
    /** A top-level command or one inside SECTIONS. */
    public sealed interface Command {}

    /** A MEMORY region. {@code attributes} is the text inside the parentheses, e.g. "rx". */
    public record Region(String name, String attributes, Expr origin, Expr length, Pos pos) implements Command {}

    /** {@code REGION_ALIAS("alias", region)}. */
    public record RegionAlias(String alias, String region, Pos pos) implements Command {}

    /** {@code sym = expr;}, {@code sym += expr;}, ..., optionally {@code PROVIDE(...)} or {@code PROVIDE_HIDDEN(...)}. */
    public record Assign(String symbol, String op, Expr value, boolean provide, Pos pos) implements Command, SectionItem {}

    public record Entry(String symbol, Pos pos) implements Command {}

    /** {@code EXTERN(sym ...)}: roots for garbage collection. */
    public record Extern(List<String> symbols, Pos pos) implements Command {}

    public record Assert(Expr cond, String message, Pos pos) implements Command, SectionItem {}

    /** The commands of {@code SECTIONS { ... }}, in order. */
    public record Sections(List<Command> commands, Pos pos) implements Command {}

    /**
     * An output section: {@code name [address] [(NOLOAD)] : [AT(lma)] [ALIGN(a)] { items } [> region] [AT> region] [=fill]}.
     * {@code /DISCARD/} has the name "/DISCARD/".
     */
    public record OutputSection(String name, Expr address, boolean noload, Expr lma, Expr align, List<SectionItem> items,
                                String region, String lmaRegion, Expr fill, Pos pos) implements Command {}

    /** What an output section contains. */
    public sealed interface SectionItem {}

    /**
     * An input section description: {@code [KEEP(] filePattern(sectionPattern ...) [)]}. Patterns are
     * globs; {@code sort} is "name", "alignment" or null.
     */
    public record Input(String filePattern, List<String> excludeFiles, List<String> sectionPatterns, boolean keep, String sort, Pos pos)
            implements SectionItem {}

    /** {@code BYTE(e)}, {@code SHORT(e)}, {@code LONG(e)}, {@code QUAD(e)}: data of 1, 2, 4 or 8 bytes. */
    public record Data(int size, Expr value, Pos pos) implements SectionItem {}

    /** {@code FILL(e)}: the fill pattern for gaps from here on. */
    public record Fill(Expr value, Pos pos) implements SectionItem {}
}
