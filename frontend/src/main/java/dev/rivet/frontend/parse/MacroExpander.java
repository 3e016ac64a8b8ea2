package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Macro expansion for one crate, done while parsing: rivet expands a macro where the parser
 * meets its invocation and parses the transcription right there, in the context of the
 * invocation (expression, statement, item, pattern or type), with a sub-parser over the new
 * tokens. Parsing walks the crate in source order (a {@code mod name;} file is parsed where
 * its declaration is), which is exactly the order of macro_rules' textual scope
 * ({@link MacroScope}). {@code #[macro_export]} macros are also reachable by path
 * ({@code crate::m!}, {@code $crate::m!}) once defined; other crates' exported macros by
 * {@code name::m!}, and those of {@code core} by their plain name, as rustc's prelude does.
 *
 * <p>One expansion: find the macro, try its rules in order ({@link MacroMatcher}), transcribe
 * the first that matches ({@link Transcriber}) and hand the tokens back to the parser. Each
 * token of the output is parsed once; an invocation inside it is expanded when the sub-parser
 * meets it, one level deeper. Beyond the recursion limit (128, or {@code #![recursion_limit]})
 * expansion stops with rustc's error, and every later expansion is skipped. Failures report
 * rustc's messages: "no rules expected ...", "unexpected end of macro invocation" (with the
 * rule position that got furthest), "cannot find macro".
 */
public final class MacroExpander {
    /** Finds the file of {@code mod name;}: reports and returns null when there is none. */
    @FunctionalInterface
    public interface ModuleFiles {
        Located locate(Item.Mod decl, java.nio.file.Path dir);

        /** The file, and the directory where its own {@code mod name;} files are looked for. */
        record Located(SourceFile file, java.nio.file.Path dir) {}
    }

    /** A {@code mod name;} module parsed in place: its file, items and children's directory. */
    public record FileModule(SourceFile file, List<Item> items, java.nio.file.Path dir) {}

    /**
     * Whether {@code #[derive(...)]} expands into impl items of the derived traits. Off until
     * rivet's {@code core} defines those traits (the type checker still special-cases
     * {@code derive(PartialEq)}, {@code Clone} and {@code Copy}); {@code -Drivet.derives=true} turns it on.
     */
    public static final boolean DERIVES = Boolean.getBoolean("rivet.derives");

    final Diagnostics diags;
    final String crateName;
    final MacroScope textual = new MacroScope();
    final Hygiene hygiene = new Hygiene();
    /** {@code #[macro_export]} macros, reachable as {@code crate::name!}. */
    final Map<String, MacroDef> exported = new HashMap<>();
    /** Exported macros of the crates compiled before this one, by crate name. */
    private final Map<String, Map<String, MacroDef>> externCrates;
    private final ModuleFiles moduleFiles;
    private final Map<Item.Mod, FileModule> fileModules = new IdentityHashMap<>();
    /** The directory of the crate's root file (other files are named by their paths). */
    final Map<SourceFile, java.nio.file.Path> fileDirs = new IdentityHashMap<>();
    /** Whether {@code #[derive]} expands into impl items (off until rivet's core has the traits). */
    final boolean derives;
    int recursionLimit = 128;
    private int depth;
    /** Set once the recursion limit was hit: every later expansion is skipped, as rustc stops. */
    private boolean fatal;

    public MacroExpander(String crateName, Diagnostics diags, ModuleFiles moduleFiles,
                         Map<String, Map<String, MacroDef>> externCrates, boolean derives) {
        this.crateName = crateName;
        this.diags = diags;
        this.moduleFiles = moduleFiles;
        this.externCrates = externCrates;
        this.derives = derives;
    }

    /** A crate's macros with no module files, no other crates and no derive expansion (tests, tools). */
    public static MacroExpander standalone(String crateName, Diagnostics diags) {
        return new MacroExpander(crateName, diags, null, Map.of(), false);
    }

    /** The parse of a {@code mod name;} file, or null when it was not found. */
    public FileModule fileModule(Item.Mod decl) { return fileModules.get(decl); }

    /** This crate's {@code #[macro_export]} macros, for the crates compiled after it. */
    public Map<String, MacroDef> exportedMacros() { return Map.copyOf(exported); }

    // ---- definitions and modules ----

    void define(Item.MacroRules r) {
        Span header = new Span(r.span().file(), r.span().start(), r.nameSpan().end(), r.span().expansion());
        Span body = r.body().isEmpty() ? r.span() : r.body().getFirst().span().to(r.body().getLast().span());
        MacroDef def = MacroDef.read(r.name(), r.body(), crateName, header, body, diags);
        textual.define(def);
        if (Attribute.has(r.attrs(), "macro_export")) exported.put(r.name(), def);
    }

    void moduleFile(Parser parent, Item.Mod decl) {
        if (moduleFiles == null || parent.moduleDir == null) return;
        ModuleFiles.Located at = moduleFiles.locate(decl, parent.moduleDir);
        if (at == null) return;
        int scope = textual.mark();
        try {
            List<Item> items = Parser.moduleItems(parent, at.file(), at.dir(), ItemParser.append(parent.modulePath, decl.name()));
            fileModules.put(decl, new FileModule(at.file(), items, at.dir()));
        } finally {
            if (!Attribute.has(decl.attrs(), "macro_use")) textual.restore(scope);
        }
    }

    /** The directory of a source file, which {@code include_str!} paths are relative to. */
    java.nio.file.Path directoryOf(SourceFile file) {
        java.nio.file.Path d = fileDirs.get(file);
        if (d != null) return d;
        java.nio.file.Path p = java.nio.file.Path.of(file.name()).toAbsolutePath().getParent();
        return p != null ? p : java.nio.file.Path.of(".");
    }

    void innerAttribute(Attribute a) {
        if (!a.name().equals("recursion_limit") || a.stringValue() == null) return;
        try {
            recursionLimit = Integer.parseInt(a.stringValue());
        } catch (NumberFormatException e) {
            diags.error(a.span(), "`recursion_limit` must be a non-negative integer");
        }
    }

    // ---- finding a macro ----

    /** A user macro ({@link MacroDef}), a built-in macro's name ({@link String}), or null after reporting. */
    Object resolve(Parser p, Path path) { return resolve(p, path, true); }

    /** As {@link #resolve(Parser, Path)}, without reporting. */
    Object resolveQuietly(Parser p, Path path) { return resolve(p, path, false); }

    private Object resolve(Parser p, Path path, boolean report) {
        String name = path.last();
        if (path.isSingle()) {
            MacroDef def = textual.lookup(name);
            if (def == null && p.modulePath.isEmpty()) def = exported.get(name);
            if (def == null && externCrates.containsKey("core")) def = externCrates.get("core").get(name);
            if (def != null) return def;
            if (BuiltinMacros.isBuiltin(name)) return name;
            if (report) diags.error(path.span(), "cannot find macro `" + name + "` in this scope");
            return null;
        }
        List<Path.Segment> segs = path.segments();
        String first = segs.getFirst().name();
        if (path.qself() == null && segs.size() == 2 && !path.global()
                && (first.equals("crate") || (first.equals("self") && p.modulePath.isEmpty()))) {
            MacroDef def = exported.get(name);
            if (def == null && report) diags.add(Diagnostic.error(segs.get(1).span(), "cannot find macro `" + name
                    + "` in the crate root").withLabel("not found in the crate root"));
            return def;
        }
        if (path.qself() == null && segs.size() == 2 && externCrates.containsKey(first) && externCrates.get(first).containsKey(name))
            return externCrates.get(first).get(name);
        if (path.qself() == null && List.of("core", "std", "alloc").contains(first) && BuiltinMacros.isBuiltin(name)) return name;
        if (report) diags.unsupported(path.span(), "macro path `" + path + "!` (rivet finds macros by name, as `crate::name!` for "
                + "`#[macro_export]` macros, and as `core::name!`/`std::name!` for built-in ones)");
        return null;
    }

    // ---- expansion ----

    /**
     * Expands {@code def} invoked with {@code args} (inside the delimiters, whose closing one is
     * at {@code close}); null after an error was reported (or when expansion has stopped).
     */
    List<Token> expand(Parser caller, MacroDef def, List<Token> args, Span close, Span callSite) {
        if (fatal || def.broken) return null;
        if (depth >= recursionLimit) {
            fatal = true;
            diags.add(Diagnostic.error(callSite, "recursion limit reached while expanding `" + def.name + "!`")
                    .withHelp("consider increasing the recursion limit by adding a `#![recursion_limit = \""
                            + recursionLimit * 2 + "\"]` attribute to your crate (`" + crateName + "`)"));
            return null;
        }
        List<Token> input = new ArrayList<>(TokenPrinter.expandDocComments(args));
        input.add(new Token(TokenKind.EOF, "end of macro invocation", close, null, "", false));
        MacroMatcher.Tracker track = new MacroMatcher.Tracker();
        MacroMatcher.Result.Failure best = null;
        MacroDef.MatcherLoc bestRemaining = null;
        for (MacroDef.Rule rule : def.rules) {
            Parser matcher = caller.fragmentParser(input);
            switch (MacroMatcher.match(rule, matcher, def.name, track, diags)) {
                case MacroMatcher.Result.Success s -> {
                    Span.Expansion expansion = new Span.Expansion(def.name, callSite);
                    return Transcriber.transcribe(rule.transcriber(), s.bindings(), expansion, hygiene.freshMark(), hygiene,
                            diags, def.crateName.equals(crateName) ? "crate" : def.crateName);
                }
                case MacroMatcher.Result.Error e -> {
                    return null;
                }
                case MacroMatcher.Result.Failure f -> {
                    if (best == null || f.position() > best.position()) {
                        best = f;
                        bestRemaining = track.remaining;
                    }
                }
            }
        }
        if (best != null) reportFailure(def, best, bestRemaining);
        return null;
    }

    private void reportFailure(MacroDef def, MacroMatcher.Result.Failure f, MacroDef.MatcherLoc remaining) {
        Diagnostic d = f.atEnd()
                ? Diagnostic.error(f.token().span(), "unexpected end of macro invocation").withLabel("missing tokens in macro arguments")
                : Diagnostic.error(f.token().span(), "no rules expected " + f.token()).withLabel("no rules expected this token in macro call");
        d = d.withSecondary(def.header, "when calling this macro");
        switch (remaining) {
            case MacroDef.MatcherLoc.Tok t -> d = d.withChildNote(t.token().span(), "while trying to match `" + t.token().text() + "`");
            case MacroDef.MatcherLoc.Sep s -> d = d.withChildNote(s.separator().span(), "while trying to match `" + s.separator().text() + "`");
            case MacroDef.MatcherLoc.MetaVarDecl m -> d = d.withChildNote(m.span(), "while trying to match meta-variable `$" + m.name()
                    + (m.kind() != null ? ":" + m.kind().spelling : "") + "`");
            case null, default -> { }
        }
        diags.add(d);
    }

    /** Runs {@code parse} one expansion level deeper. */
    <T> T deeper(java.util.function.Supplier<T> parse) {
        depth++;
        try {
            return parse.get();
        } finally {
            depth--;
        }
    }
}
