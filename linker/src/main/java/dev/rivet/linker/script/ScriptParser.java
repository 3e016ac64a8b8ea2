package dev.rivet.linker.script;

import dev.rivet.linker.script.LinkerScript.Command;
import dev.rivet.linker.script.LinkerScript.SectionItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses GNU ld scripts (the subset firmware uses) by recursive descent over the characters. As
 * in ld, what counts as a name depends on context: in expressions a name is made of letters,
 * digits, {@code _ . $}; section names and file patterns may also hold {@code * ? [ ] / - ~}.
 */
public final class ScriptParser extends ScriptExprParser {
    /** Finds the text of an INCLUDEd file by name, or returns null. */
    private final Function<String, Source> includes;
    private final int depth;

    /** A script's text and the name errors use for it. */
    public record Source(String name, String text) {}

    private ScriptParser(Source src, Function<String, Source> includes, int depth) {
        super(src.name(), src.text());
        this.includes = includes;
        this.depth = depth;
    }

    public static LinkerScript parse(Source src, Function<String, Source> includes) {
        return new LinkerScript(new ScriptParser(src, includes, 0).commands(false));
    }

    private static final Set<String> IGNORED = Set.of("OUTPUT_ARCH", "OUTPUT_FORMAT", "SEARCH_DIR", "TARGET", "OUTPUT", "STARTUP",
            "FORCE_COMMON_ALLOCATION", "INHIBIT_COMMON_ALLOCATION", "NOCROSSREFS");

    /** Commands until the end of input (top level) or a closing brace (inside SECTIONS). */
    private List<Command> commands(boolean inSections) {
        List<Command> out = new ArrayList<>();
        while (true) {
            skip();
            if (atEnd()) {
                if (inSections) throw error("missing `}` at the end of SECTIONS");
                return out;
            }
            if (inSections && peek() == '}') return out;
            if (eat(';')) continue;
            Pos pos = pos();
            String word = sectionName();
            if (word.isEmpty()) throw error("unexpected `" + peek() + "`");
            switch (word) {
                case "MEMORY" -> memory(out);
                case "SECTIONS" -> {
                    expect('{');
                    List<Command> cmds = commands(true);
                    expect('}');
                    out.add(new LinkerScript.Sections(cmds, pos));
                }
                case "ENTRY" -> {
                    expect('(');
                    out.add(new LinkerScript.Entry(name(), pos));
                    expect(')');
                }
                case "EXTERN" -> {
                    expect('(');
                    List<String> syms = new ArrayList<>();
                    while (!eat(')')) {
                        syms.add(name());
                        eat(',');
                    }
                    out.add(new LinkerScript.Extern(syms, pos));
                }
                case "REGION_ALIAS" -> {
                    expect('(');
                    String alias = quotedOrName();
                    expect(',');
                    String region = name();
                    expect(')');
                    out.add(new LinkerScript.RegionAlias(alias, region, pos));
                }
                case "INCLUDE" -> out.addAll(include(pos, inSections));
                case "ASSERT" -> out.add(assertion(pos));
                case "PROVIDE", "PROVIDE_HIDDEN" -> out.add(provide(pos));
                default -> {
                    if (IGNORED.contains(word)) {
                        skipParenthesised();
                    } else if (atAssignment()) {
                        out.add(assignment(word, false, pos));
                    } else if (inSections) {
                        out.add(outputSection(word, pos));
                    } else {
                        throw new ScriptException(pos, "unknown or unsupported command `" + word + "`");
                    }
                }
            }
        }
    }

    private void memory(List<Command> out) {
        expect('{');
        while (true) {
            skip();
            if (eat('}')) return;
            Pos pos = pos();
            String name = name();
            String attrs = "";
            if (eat('(')) {
                StringBuilder sb = new StringBuilder();
                while (!atEnd() && peek() != ')') sb.append(next());
                expect(')');
                attrs = sb.toString().trim();
            }
            expect(':');
            expectKeyword(Set.of("ORIGIN", "org", "o"), "ORIGIN");
            expect('=');
            Expr origin = expression();
            expect(',');
            expectKeyword(Set.of("LENGTH", "len", "l"), "LENGTH");
            expect('=');
            Expr length = expression();
            out.add(new LinkerScript.Region(name, attrs, origin, length, pos));
        }
    }

    private List<Command> include(Pos pos, boolean inSections) {
        String file = quotedOrSectionName();
        if (depth > 16) throw new ScriptException(pos, "INCLUDE nested too deeply (a cycle?)");
        Source src = includes.apply(file);
        if (src == null) throw new ScriptException(pos, "cannot find INCLUDE file `" + file + "`");
        ScriptParser p = new ScriptParser(src, includes, depth + 1);
        return p.commands(false).stream().map(c -> {
            if (inSections && c instanceof LinkerScript.Region r)
                throw new ScriptException(r.pos(), "MEMORY inside SECTIONS");
            return c;
        }).toList();
    }

    private LinkerScript.Assert assertion(Pos pos) {
        expect('(');
        Expr cond = expression();
        expect(',');
        String msg = quotedOrName();
        expect(')');
        eat(';');
        return new LinkerScript.Assert(cond, msg, pos);
    }

    private LinkerScript.Assign provide(Pos pos) {
        expect('(');
        String sym = name();
        if (!atAssignment()) throw error("expected `=` in PROVIDE");
        LinkerScript.Assign a = assignment(sym, true, pos);
        expect(')');
        eat(';');
        return a;
    }

    private LinkerScript.Assign assignment(String symbol, boolean provide, Pos pos) {
        String op = assignOp();
        Expr value = expression();
        if (!provide) expectStatementEnd();
        return new LinkerScript.Assign(symbol, op, value, provide, pos);
    }

    /** A statement ends with `;`; ld also accepts a closing brace or the end of input after the last one. */
    private void expectStatementEnd() {
        skip();
        if (eat(';') || atEnd() || peek() == '}') return;
        throw error("expected `;`, found `" + peek() + "`");
    }

    // ---- output sections ----

    private LinkerScript.OutputSection outputSection(String name, Pos pos) {
        Expr address = null;
        boolean noload = false;
        skip();
        if (peek() != ':' && peek() != '(') address = expression();
        skip();
        if (peek() == '(') {
            int save = mark();
            next();
            skip();
            String type = sectionName();
            if (Set.of("NOLOAD", "COPY", "INFO", "DSECT", "OVERLAY", "READONLY").contains(type)) {
                noload = type.equals("NOLOAD");
                expect(')');
            } else {
                reset(save);
                if (address != null) throw error("unexpected `(` after the section address");
                address = expression();
            }
        }
        expect(':');
        Expr lma = null, align = null;
        while (true) {
            skip();
            if (peek() == '{') break;
            String kw = sectionName();
            switch (kw) {
                case "AT" -> {
                    expect('(');
                    lma = expression();
                    expect(')');
                }
                case "ALIGN", "SUBALIGN" -> {
                    expect('(');
                    Expr a = expression();
                    expect(')');
                    if (kw.equals("ALIGN")) align = a;
                }
                case "ONLY_IF_RO", "ONLY_IF_RW", "ALIGN_WITH_INPUT" -> { }
                default -> throw error("expected `{` to start the contents of " + name);
            }
        }
        expect('{');
        List<SectionItem> items = sectionItems();
        expect('}');
        String region = null, lmaRegion = null;
        Expr fill = null;
        while (true) {
            skip();
            if (eat('>')) {
                region = name();
            } else if (lookingAt("AT")) {
                int save = mark();
                sectionName();
                skip();
                if (!eat('>')) {
                    reset(save);
                    break;
                }
                lmaRegion = name();
            } else if (peek() == ':' ) {
                next();
                name(); // program header: rivet derives segments itself
            } else if (peek() == '=' && !lookingAt("==")) {
                next();
                fill = expression();
            } else {
                break;
            }
        }
        eat(',');
        return new LinkerScript.OutputSection(name, address, noload, lma, align, items, region, lmaRegion, fill, pos);
    }

    private List<SectionItem> sectionItems() {
        List<SectionItem> items = new ArrayList<>();
        while (true) {
            skip();
            if (atEnd() || peek() == '}') return items;
            if (eat(';')) continue;
            Pos pos = pos();
            int save = mark();
            String word = sectionName();
            switch (word) {
                case "KEEP" -> {
                    expect('(');
                    items.add(input(true, pos));
                    expect(')');
                }
                case "BYTE", "SHORT", "LONG", "QUAD", "SQUAD" -> {
                    expect('(');
                    Expr v = expression();
                    expect(')');
                    int size = switch (word) { case "BYTE" -> 1; case "SHORT" -> 2; case "LONG" -> 4; default -> 8; };
                    items.add(new LinkerScript.Data(size, v, pos));
                }
                case "FILL" -> {
                    expect('(');
                    items.add(new LinkerScript.Fill(expression(), pos));
                    expect(')');
                }
                case "ASSERT" -> items.add(assertion(pos));
                case "PROVIDE", "PROVIDE_HIDDEN" -> items.add(provide(pos));
                case "CREATE_OBJECT_SYMBOLS", "CONSTRUCTORS" -> { }
                case "INCLUDE" -> throw new ScriptException(pos, "INCLUDE inside an output section is not supported");
                default -> {
                    if (!word.isEmpty() && atAssignment()) {
                        items.add(assignment(word, false, pos));
                    } else {
                        reset(save);
                        items.add(input(false, pos));
                    }
                }
            }
        }
    }

    /** {@code filePattern(sectionPattern ...)}, with SORT and EXCLUDE_FILE where they may appear. */
    private LinkerScript.Input input(boolean keep, Pos pos) {
        String sort = null;
        List<String> exclude = new ArrayList<>();
        skip();
        String file;
        String w = peekSectionName();
        if (isSort(w)) {
            sort = sortKind(sectionName());
            expect('(');
            file = sectionName();
            expect(')');
        } else if (w.equals("EXCLUDE_FILE")) {
            sectionName();
            exclude.addAll(parenthesisedNames());
            file = sectionName();
        } else {
            file = sectionName();
        }
        if (file.isEmpty()) throw error("expected an input section description, found `" + peek() + "`");
        List<String> sections = new ArrayList<>();
        skip();
        if (!eat('(')) return new LinkerScript.Input(file, exclude, List.of("*"), keep, sort, pos);
        while (true) {
            skip();
            if (eat(')')) break;
            String p = sectionName();
            if (p.isEmpty()) throw error("unexpected `" + peek() + "` in an input section list");
            if (isSort(p)) {
                sort = sortKind(p);
                expect('(');
                skip();
                String inner = peekSectionName();
                if (isSort(inner)) { // SORT(SORT_BY_ALIGNMENT(...)) nests; the outer key wins
                    sectionName();
                    expect('(');
                    sections.addAll(names(')'));
                    expect(')');
                } else {
                    sections.addAll(names(')'));
                }
                expect(')');
            } else if (p.equals("EXCLUDE_FILE")) {
                exclude.addAll(parenthesisedNames());
            } else {
                sections.add(p);
            }
            eat(',');
        }
        return new LinkerScript.Input(file, exclude, sections, keep, sort, pos);
    }

    private static boolean isSort(String w) {
        return w.equals("SORT") || w.equals("SORT_BY_NAME") || w.equals("SORT_BY_ALIGNMENT") || w.equals("SORT_NONE")
                || w.equals("SORT_BY_INIT_PRIORITY");
    }

    private static String sortKind(String w) {
        return switch (w) {
            case "SORT_NONE" -> null;
            case "SORT_BY_ALIGNMENT" -> "alignment";
            default -> "name";
        };
    }

    private List<String> parenthesisedNames() {
        expect('(');
        List<String> out = names(')');
        expect(')');
        return out;
    }

    private List<String> names(char close) {
        List<String> out = new ArrayList<>();
        while (true) {
            skip();
            if (atEnd() || peek() == close) return out;
            String n = sectionName();
            if (n.isEmpty()) throw error("unexpected `" + peek() + "`");
            out.add(n);
            eat(',');
        }
    }

    private void skipParenthesised() {
        skip();
        if (!eat('(')) return;
        int depth = 1;
        while (!atEnd() && depth > 0) {
            char c = next();
            if (c == '(') depth++;
            else if (c == ')') depth--;
        }
    }

    private String quotedOrName() {
        skip();
        return peek() == '"' ? quoted() : name();
    }

    private String quotedOrSectionName() {
        skip();
        return peek() == '"' ? quoted() : sectionName();
    }
}
