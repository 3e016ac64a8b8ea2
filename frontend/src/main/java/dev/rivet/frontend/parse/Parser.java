package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.lex.Lexer;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's entry points and the statement grammar. A file parses into its inner
 * attributes and items; parse errors are reported and parsing resumes at the next statement or
 * item, so one run reports many errors. Macros are expanded as they are met (see
 * {@link MacroExpander}); the expansions, macro fragments and macro arguments are parsed by
 * sub-parsers that share this parser's crate context.
 */
public final class Parser extends ItemParser {
    /** A parsed file. */
    public record FileAst(SourceFile file, List<Attribute> attrs, List<Item> items) {}

    private Parser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    public static FileAst parseFile(SourceFile file, Diagnostics diags) {
        return parseFile(file, diags, Cfg.NONE);
    }

    /** Parses a file on its own (no {@code mod name;} files), dropping what {@code cfg} switches off. */
    public static FileAst parseFile(SourceFile file, Diagnostics diags, Cfg cfg) {
        return parseCrateRoot(file, null, cfg, MacroExpander.standalone("main", diags));
    }

    /**
     * Parses a crate's root file with the crate's macro expander; {@code dir} is where its
     * {@code mod name;} files are (null: none are loaded).
     */
    public static FileAst parseCrateRoot(SourceFile file, java.nio.file.Path dir, Cfg cfg, MacroExpander macros) {
        Parser p = new Parser(Lexer.lex(file, macros.diags), macros.diags);
        p.cfg = cfg;
        p.macros = macros;
        p.moduleDir = dir;
        if (dir != null) macros.fileDirs.put(file, dir);
        List<Attribute> attrs = new ArrayList<>();
        List<Item> items = p.fileItems(attrs);
        return new FileAst(file, attrs, items);
    }

    /** The items of a {@code mod name;} file, parsed in the macro scope of its declaration. */
    static List<Item> moduleItems(Parser parent, SourceFile file, java.nio.file.Path dir, List<String> modulePath) {
        Parser p = parent.sub(Lexer.lex(file, parent.diags), false);
        p.moduleDir = dir;
        p.modulePath = modulePath;
        return p.fileItems(new ArrayList<>());
    }

    private List<Item> fileItems(List<Attribute> attrs) {
        List<Item> items = items(attrs);
        while (!atEof()) {
            error(peek().span(), "unexpected closing delimiter: " + peek());
            next();
            items.addAll(items(attrs));
        }
        return items;
    }

    /** Parses one expression from tokens (used by tests). */
    public static Expr parseExpression(SourceFile file, Diagnostics diags) {
        Parser p = new Parser(Lexer.lex(file, diags), diags);
        p.macros = MacroExpander.standalone("main", diags);
        return p.expression();
    }

    // ---- sub-parsers ----

    /** A parser over {@code toks} (which end with EOF) sharing this one's crate context. */
    private Parser sub(List<Token> toks, boolean skimming) {
        Parser p = new Parser(toks, diags);
        p.cfg = cfg;
        p.macros = macros;
        p.skim = skimming;
        p.moduleDir = moduleDir;
        p.modulePath = modulePath;
        p.labels = labels;
        return p;
    }

    private static List<Token> withEof(List<Token> toks, Span at, String what) {
        List<Token> out = new ArrayList<>(toks.size() + 1);
        out.addAll(toks);
        out.add(new Token(TokenKind.EOF, what, at, null, "", false));
        return out;
    }

    /** A skimming parser over a macro call's input (which ends with its EOF), for matching fragments. */
    Parser fragmentParser(List<Token> input) { return sub(input, true); }

    /** A parser over a macro's expansion, in this parser's place. */
    Parser expansionParser(List<Token> out, Span call) {
        Span end = new Span(call.file(), call.end(), call.end(), call.expansion());
        return sub(withEof(out, end, "end of macro expansion"), false);
    }

    /** A parser over a built-in macro's arguments. */
    Parser argumentParser(List<Token> args, Span close) { return sub(withEof(args, close, "end of macro arguments"), skim); }

    /** A parser over an opaque fragment's tokens, to read it back where it was substituted. */
    private Parser fragment(Token t) {
        List<Token> toks = ((Fragments.Fragment) t.value()).tokens();
        Span end = toks.getLast().span();
        return sub(withEof(toks, new Span(end.file(), end.end(), end.end(), end.expansion()), "end of macro fragment"), skim);
    }

    private <T> T whole(Parser sub, T result) {
        if (!sub.atEof()) throw sub.error(sub.peek().span(), "unexpected " + sub.peek() + " in a macro fragment");
        return result;
    }

    // ---- statements ----

    // Statement := ";" | Item | "let" Pattern (":" Type)? ("=" Expr ("else" Block)?)? ";"
    //            | MacroInvocation | BlockLikeExpr ";"? | Expr ";"
    @Override
    void statement(List<Stmt> into) {
        Span start = peek().span();
        if (eatPunct(";")) {
            into.add(new Stmt.Empty(start));
            return;
        }
        List<Attribute> attrs = List.of();
        if (atPunct("#") && peek(1).kind() == TokenKind.OPEN_BRACKET || at(TokenKind.DOC_OUTER)) attrs = outerAttributes();
        if (cfg.enabled(attrs)) {
            statementBody(start, attrs, into);
            return;
        }
        boolean skimming = skim;
        skim = true; // switched off by #[cfg]: parsed to find its end, nothing in it expanded
        try {
            List<Stmt> skipped = new ArrayList<>();
            statementBody(start, attrs, skipped);
            boolean openEnded = skipped.size() == 1 && skipped.getFirst() instanceof Stmt.ExprStmt es && !es.semi();
            into.add(new Stmt.Empty(openEnded ? start : spanFrom(start)));
        } finally {
            skim = skimming;
        }
    }

    private void statementBody(Span start, List<Attribute> attrs, List<Stmt> into) {
        FragmentKind fragment = atFragment();
        if (fragment == FragmentKind.STMT || fragment == FragmentKind.ITEM) {
            interpolatedStatement(next(), into);
            return;
        }
        if (isItemStart() && !atKeyword("unsafe") || (atKeyword("unsafe") && peek(1).kind() != TokenKind.OPEN_BRACE && isItemStart())) {
            Item item = item(attrs);
            into.add(new Stmt.ItemStmt(item, item.span()));
            List<Item> more = new ArrayList<>();
            afterItem(item, more);
            for (Item i : more) into.add(new Stmt.ItemStmt(i, i.span()));
            return;
        }
        if (macroInvocationAhead() >= 0 && Invocations.statement(this, start, into)) return;
        into.add(statementRest(start, true));
    }

    private Stmt statementRest(Span start, boolean requireSemi) {
        if (atKeyword("let")) return let(start, requireSemi);
        if (isBlockLikeStart()) {
            Expr e = blockLike();
            if (atPunct(".") || atPunct("?")) {
                e = postfix(e, start);
                if (eatPunct(";")) return new Stmt.ExprStmt(e, true, spanFrom(start));
                if (!at(TokenKind.CLOSE_BRACE) && !atEof()) throw error(peek().span(), "expected `;`, found " + peek());
                return new Stmt.ExprStmt(e, false, spanFrom(start));
            }
            boolean semi = eatPunct(";");
            return new Stmt.ExprStmt(e, semi, spanFrom(start));
        }
        Expr e = expression();
        if (eatPunct(";")) return new Stmt.ExprStmt(e, true, spanFrom(start));
        if (at(TokenKind.CLOSE_BRACE) || atEof()) return new Stmt.ExprStmt(e, false, spanFrom(start));
        if (e instanceof Expr.Macro m && m.span().end() == previous().span().end() && previous().kind() == TokenKind.CLOSE_BRACE)
            return new Stmt.ExprStmt(e, false, spanFrom(start)); // name! { ... } ends like a block
        throw error(peek().span(), "expected `;`, found " + peek());
    }

    /** {@code let}; a {@code stmt} macro fragment ends before the semicolon. */
    private Stmt let(Span start, boolean requireSemi) {
        expectKeyword("let");
        Pat p = pattern();
        TypeExpr t = eatPunct(":") ? type() : null;
        Expr init = null;
        Block otherwise = null;
        if (eatPunct("=")) {
            init = expression();
            if (eatKeyword("else")) otherwise = block();
        }
        if (requireSemi) expectPunct(";");
        return new Stmt.Let(p, t, init, otherwise, spanFrom(start));
    }

    /** The statements of a statement macro's expansion, to its end. */
    static List<Stmt> statementsToEnd(Parser sub) {
        List<Stmt> stmts = new ArrayList<>();
        while (!sub.atEof()) {
            int before = sub.pos;
            try {
                sub.statement(stmts);
            } catch (ParseError e) {
                if (sub.pos == before) sub.next();
                sub.recoverToStatementEnd();
            }
        }
        return stmts;
    }

    /** A {@code stmt} or {@code item} fragment where a statement goes; a {@code ;} after it ends it. */
    private void interpolatedStatement(Token t, List<Stmt> into) {
        Parser sub = fragment(t);
        List<Stmt> stmts = new ArrayList<>();
        if (sub.atKeyword("let")) stmts.add(sub.let(sub.peek().span(), false));
        else sub.statement(stmts);
        whole(sub, stmts);
        if (eatPunct(";") && !stmts.isEmpty() && stmts.getLast() instanceof Stmt.ExprStmt es && !es.semi())
            stmts.set(stmts.size() - 1, new Stmt.ExprStmt(es.expr(), true, es.span()));
        into.addAll(stmts);
    }

    // ---- macro fragments, as the matcher parses them ----

    /** An {@code item} fragment: outer attributes and one item. */
    void itemFragment() {
        List<Attribute> attrs = outerAttributes();
        if (!isItemStart() && macroInvocationAhead() < 0) throw error(peek().span(), "expected an item keyword");
        if (macroInvocationAhead() >= 0) Invocations.items(this, peek().span(), new ArrayList<>());
        else item(attrs);
    }

    /** A {@code stmt} fragment: a statement without its trailing semicolon. */
    void statementFragment() {
        Span start = peek().span();
        List<Attribute> attrs = outerAttributes();
        if (isItemStart()) {
            item(attrs);
            return;
        }
        if (!Fragments.canBeginExpr(peek()) && !atKeyword("let")) throw error(peek().span(), "expected a statement");
        if (atKeyword("let")) let(start, false);
        else if (isBlockLikeStart()) postfix(blockLike(), start);
        else expression();
    }

    // ---- macro invocations and fragments where they appear ----

    @Override
    Expr builtinMacro(Path path, Span start) { return Invocations.expression(this, path, start); }

    @Override
    TypeExpr typeMacro(Path path, Span start) { return Invocations.type(this, path, start); }

    @Override
    Pat patternMacro(Path path, Span start) { return Invocations.pattern(this, path, start); }

    @Override
    void itemMacro(List<Attribute> attrs, Span start, List<Item> into) { Invocations.items(this, start, into); }

    @Override
    void moduleFile(Item.Mod decl) { macros.moduleFile(this, decl); }

    @Override
    void defineMacro(Item.MacroRules def) { macros.define(def); }

    @Override
    void innerAttribute(Attribute a) {
        if (modulePath.isEmpty()) macros.innerAttribute(a);
    }

    @Override
    void afterItem(Item item, List<Item> into) {
        if (macros.derives && !skim) Derives.expand(this, item, into);
    }

    @Override
    Expr interpolatedExpr(Token t) {
        if (skim) return new Expr.Tuple(List.of(), t.span());
        Parser sub = fragment(t);
        return whole(sub, sub.expression());
    }

    @Override
    Block interpolatedBlock(Token t) {
        Parser sub = fragment(t);
        return whole(sub, sub.block());
    }

    @Override
    TypeExpr interpolatedType(Token t) {
        if (skim) return new TypeExpr.Infer(t.span());
        Parser sub = fragment(t);
        return whole(sub, sub.type());
    }

    @Override
    Path interpolatedPath(Token t, PathMode mode) {
        Parser sub = fragment(t);
        return whole(sub, sub.path(PathMode.TYPE));
    }

    @Override
    Pat interpolatedPattern(Token t) {
        if (skim) return new Pat.Wild(t.span());
        Parser sub = fragment(t);
        FragmentKind kind = ((Fragments.Fragment) t.value()).kind();
        return whole(sub, kind == FragmentKind.PAT_PARAM ? sub.patternNoAlt() : sub.pattern());
    }

    @Override
    void interpolatedItems(Token t, List<Item> into) {
        Parser sub = fragment(t);
        into.addAll(whole(sub, sub.items(new ArrayList<>())));
    }

    /** {@code matches!(value, pattern if guard)}. */
    Expr matchesArgs(String name, Span nameSpan, Span span) {
        Expr value = expression();
        expectPunct(",");
        Pat pattern = pattern();
        Expr guard = eatKeyword("if") ? expression() : null;
        eatPunct(",");
        if (!atEof()) throw error(peek().span(), "expected end of macro arguments, found " + peek());
        return new Expr.Macro(name, List.of(value), pattern, guard, nameSpan, span);
    }
}
