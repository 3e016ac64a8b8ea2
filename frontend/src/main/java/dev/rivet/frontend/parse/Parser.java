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
import java.util.Set;

/**
 * The parser's entry points and the statement grammar. A file parses into its inner
 * attributes and items; parse errors are reported and parsing resumes at the next statement or
 * item, so one run reports many errors.
 */
public final class Parser extends ItemParser {
    /** A parsed file. */
    public record FileAst(SourceFile file, List<Attribute> attrs, List<Item> items) {}

    /** Macros whose arguments are expressions the compiler understands. */
    static final Set<String> BUILTIN_MACROS = Set.of("print", "println", "eprint", "eprintln", "panic", "assert",
            "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne", "unreachable", "todo",
            "unimplemented", "write", "writeln", "format", "format_args", "matches", "line", "column", "file");

    private Parser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    public static FileAst parseFile(SourceFile file, Diagnostics diags) {
        return parseFile(file, diags, Cfg.NONE);
    }

    /** Parses a file, dropping what {@code cfg} switches off. */
    public static FileAst parseFile(SourceFile file, Diagnostics diags, Cfg cfg) {
        Parser p = new Parser(Lexer.lex(file, diags), diags);
        p.cfg = cfg;
        List<Attribute> attrs = new ArrayList<>();
        List<Item> items = p.items(attrs);
        while (!p.atEof()) {
            p.error(p.peek().span(), "unexpected closing delimiter: " + p.peek());
            p.next();
            items.addAll(p.items(attrs));
        }
        return new FileAst(file, attrs, items);
    }

    /** Parses one expression from tokens (used by tests and macro arguments). */
    public static Expr parseExpression(SourceFile file, Diagnostics diags) {
        Parser p = new Parser(Lexer.lex(file, diags), diags);
        return p.expression();
    }

    // Statement := ";" | Item | "let" Pattern (":" Type)? ("=" Expr ("else" Block)?)? ";"
    //            | BlockLikeExpr ";"? | Expr ";"
    @Override
    Stmt statement() {
        Span start = peek().span();
        if (eatPunct(";")) return new Stmt.Empty(start);
        List<Attribute> attrs = List.of();
        if (atPunct("#") && peek(1).kind() == TokenKind.OPEN_BRACKET || at(TokenKind.DOC_OUTER)) attrs = outerAttributes();
        if (isItemStart() && !atKeyword("unsafe") || (atKeyword("unsafe") && peek(1).kind() != TokenKind.OPEN_BRACE && isItemStart())) {
            Item item = item(attrs);
            return cfg.enabled(attrs) ? new Stmt.ItemStmt(item, item.span()) : new Stmt.Empty(item.span());
        }
        if (!cfg.enabled(attrs)) {
            Stmt skipped = statement();
            return new Stmt.Empty(skipped instanceof Stmt.ExprStmt es && !es.semi() ? start : spanFrom(start));
        }
        if (atKeyword("let")) return let(start);
        if (isBlockLikeStart()) {
            Expr e = blockLike();
            if (atPunct(".") || atPunct("?")) {
                e = postfix(e, start);
                if (eatPunct(";")) return new Stmt.ExprStmt(e, true, spanFrom(start));
                if (!at(TokenKind.CLOSE_BRACE)) throw error(peek().span(), "expected `;`, found " + peek());
                return new Stmt.ExprStmt(e, false, spanFrom(start));
            }
            boolean semi = eatPunct(";");
            return new Stmt.ExprStmt(e, semi, spanFrom(start));
        }
        Expr e = expression();
        if (eatPunct(";")) return new Stmt.ExprStmt(e, true, spanFrom(start));
        if (at(TokenKind.CLOSE_BRACE)) return new Stmt.ExprStmt(e, false, spanFrom(start));
        if (e instanceof Expr.Macro m && m.span().end() == previous().span().end() && previous().kind() == TokenKind.CLOSE_BRACE)
            return new Stmt.ExprStmt(e, false, spanFrom(start)); // name! { ... } ends like a block
        throw error(peek().span(), "expected `;`, found " + peek());
    }

    private Stmt let(Span start) {
        expectKeyword("let");
        Pat p = pattern();
        TypeExpr t = eatPunct(":") ? type() : null;
        Expr init = null;
        Block otherwise = null;
        if (eatPunct("=")) {
            init = expression();
            if (eatKeyword("else")) otherwise = block();
        }
        expectPunct(";");
        return new Stmt.Let(p, t, init, otherwise, spanFrom(start));
    }

    // ---- macros ----

    /** After {@code path!}: a built-in macro's arguments are parsed; any other macro keeps its tokens. */
    @Override
    Expr builtinMacro(Path path, Span start) {
        Span nameSpan = path.span();
        if (!(at(TokenKind.OPEN_PAREN) || at(TokenKind.OPEN_BRACKET) || at(TokenKind.OPEN_BRACE)))
            throw error(peek().span(), "expected one of `(`, `[`, or `{`, found " + peek());
        List<Token> inner = tokenTree();
        Span close = previous().span();
        String name = path.isSingle() ? path.last() : "";
        boolean addrOf = path.last().equals("addr_of") || path.last().equals("addr_of_mut");
        if (addrOf) name = path.last();
        if (!BUILTIN_MACROS.contains(name) && !addrOf) return new Expr.MacroCall(path, inner, spanFrom(start));
        List<Token> sub = new ArrayList<>(inner);
        sub.add(new Token(TokenKind.EOF, "", close, null, "", false));
        Parser p = new Parser(sub, diags);
        p.cfg = cfg;
        Span span = spanFrom(start);
        try {
            if (name.equals("matches")) return p.matchesArgs(name, nameSpan, span);
            if (addrOf) { // core::ptr::addr_of!(place) is &raw const place
                Expr place = p.expression();
                p.eatPunct(",");
                if (!p.atEof()) throw p.error(p.peek().span(), "expected one place expression in `" + name + "!`");
                return new Expr.AddrOf(name.equals("addr_of_mut"), true, place, span);
            }
            List<Expr> args = new ArrayList<>();
            while (!p.atEof()) {
                args.add(p.macroArgument());
                if (!p.eatPunct(",")) break;
            }
            if (!p.atEof()) throw p.error(p.peek().span(), "expected `,` in macro arguments, found " + p.peek());
            return new Expr.Macro(name, args, null, null, nameSpan, span);
        } catch (ParseError e) {
            return new Expr.MacroCall(path, List.of(), span);
        }
    }

    /** A macro argument: an expression, or {@code name = expr} (a named format argument, kept as an assignment). */
    private Expr macroArgument() {
        return expression();
    }

    private Expr matchesArgs(String name, Span nameSpan, Span span) {
        Expr value = expression();
        expectPunct(",");
        Pat pattern = pattern();
        Expr guard = eatKeyword("if") ? expression() : null;
        eatPunct(",");
        if (!atEof()) throw error(peek().span(), "expected end of macro arguments, found " + peek());
        return new Expr.Macro(name, List.of(value), pattern, guard, nameSpan, span);
    }
}
