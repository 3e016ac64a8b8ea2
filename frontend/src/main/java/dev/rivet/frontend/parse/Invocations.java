package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Macro invocations where the parser meets them, in each of the five places Rust allows: an
 * expression, a statement (whose expansion is any number of statements), an item position
 * (module level, impl and trait bodies: any number of items), a pattern and a type. The
 * invocation is read ({@code path!} and one delimited token tree), the macro found, expanded,
 * and its output parsed by a sub-parser in the same context and required to be used up.
 *
 * <p>A statement-position invocation follows rustc's rule: with braces (and no {@code .} or
 * {@code ?} after), or followed by {@code ;} or the end, it is a statement macro; otherwise it
 * is the start of an expression statement ({@code m!(x).f();}).
 */
final class Invocations {
    /** A read invocation: the macro found (null after an error, or when skimming), its tokens and spans. */
    record Call(Path path, Object target, List<Token> args, Span close, Span span) {}

    private Invocations() {}

    /** Reads the delimited arguments after {@code path!} (the parser is at the opening delimiter). */
    static Call read(Parser p, Path path, Span start) {
        Object target = p.skim ? null : p.macros.resolve(p, path);
        if (!MacroDef.isOpen(p.peek())) throw p.error(p.peek().span(), "expected one of `(`, `[`, or `{`, found " + p.peek());
        List<Token> args = p.tokenTree();
        Span close = p.previous().span();
        return new Call(path, target, args, close, p.spanFrom(start));
    }

    static Expr expression(Parser p, Path path, Span start) {
        Call c = read(p, path, start);
        if (p.skim) return new Expr.MacroCall(path, List.of(), c.span());
        if (c.target() instanceof String builtin) return p.macros.deeper(() -> BuiltinMacros.expression(p, builtin, c));
        return orThrow(expand(p, c, "expression", sub -> {
            Expr e = sub.expression();
            sub.eatPunct(";"); // rustc warns about a trailing semicolon here and drops it
            return e;
        }));
    }

    static Pat pattern(Parser p, Path path, Span start) {
        Call c = read(p, path, start);
        if (p.skim) return new Pat.Macro(path, c.span());
        if (c.target() instanceof String builtin) throw p.error(c.span(), "macro `" + builtin + "!` cannot be used as a pattern");
        return orThrow(expand(p, c, "pattern", Parser::pattern));
    }

    static TypeExpr type(Parser p, Path path, Span start) {
        Call c = read(p, path, start);
        if (p.skim) return new TypeExpr.Macro(path, c.span());
        if (c.target() instanceof String builtin) throw p.error(c.span(), "macro `" + builtin + "!` cannot be used as a type");
        return orThrow(expand(p, c, "type", Parser::type));
    }

    /** An invocation in item position; its items are added to {@code into}. */
    static void items(Parser p, Span start, List<Item> into) {
        Path path = p.path(TypeParser.PathMode.MOD);
        p.expectPunct("!");
        boolean braces = p.at(TokenKind.OPEN_BRACE);
        Call c = read(p, path, start);
        if (!braces && !p.eatPunct(";"))
            throw p.error(p.peek().span(), "macros that expand to items must be delimited with braces or followed by a semicolon");
        if (p.skim || c.target() == null) return;
        if (c.target() instanceof String builtin) {
            BuiltinMacros.item(p, builtin, c);
            return;
        }
        List<Item> items = expand(p, c, "item", Invocations::itemsOf);
        if (items != null) into.addAll(items);
    }

    /**
     * An invocation at the start of a statement: a statement macro's statements are added to
     * {@code into} and true returned; false (nothing consumed) when it is a built-in macro or
     * the start of an expression statement.
     */
    static boolean statement(Parser p, Span start, List<Stmt> into) {
        int bang = p.pos + p.macroInvocationAhead();
        int close = MacroDef.matching(p.tokens, bang + 1);
        Token after = p.tokens.get(Math.min(close + 1, p.tokens.size() - 1));
        boolean braces = p.tokens.get(bang + 1).kind() == TokenKind.OPEN_BRACE;
        if (!((braces && !after.isPunct(".") && !after.isPunct("?")) || after.isPunct(";") || after.kind() == TokenKind.EOF))
            return false;
        int before = p.pos;
        Path path = p.path(TypeParser.PathMode.EXPR);
        p.expectPunct("!");
        if (!p.skim && p.macros.resolveQuietly(p, path) instanceof String) {
            p.pos = before; // a built-in macro: an expression statement
            return false;
        }
        Call c = read(p, path, start);
        boolean semi = p.eatPunct(";");
        if (p.skim) {
            into.add(new Stmt.Empty(p.spanFrom(start)));
            return true;
        }
        List<Stmt> stmts = expand(p, c, "statement", Parser::statementsToEnd);
        if (stmts == null) return true; // reported; the statement is used up, so parsing goes on after it
        if (semi && !stmts.isEmpty() && stmts.getLast() instanceof Stmt.ExprStmt es && !es.semi())
            stmts.set(stmts.size() - 1, new Stmt.ExprStmt(es.expr(), true, es.span()));
        into.addAll(stmts);
        return true;
    }

    private static <T> T orThrow(T result) {
        if (result == null) throw new ParserBase.ParseError();
        return result;
    }

    /**
     * Expands a user macro's call and parses the output with {@code parse}, one expansion level
     * deeper; null when the macro was not found or did not expand (reported).
     */
    private static <T> T expand(Parser p, Call c, String context, Function<Parser, T> parse) {
        if (c.target() == null) return null;
        MacroDef def = (MacroDef) c.target();
        List<Token> out = p.macros.expand(p, def, c.args(), c.close(), c.span());
        if (out == null) return null;
        Parser sub = p.expansionParser(out, c.span());
        return p.macros.deeper(() -> {
            T result = parse.apply(sub);
            if (!sub.atEof()) ignoredTokens(p, sub.peek(), def, c, context);
            return result;
        });
    }

    /** rustc's "macro expansion ignores `x` and any tokens following". */
    private static void ignoredTokens(Parser p, Token t, MacroDef def, Call c, String context) {
        Span at = new Span(t.span().file(), t.span().start(), t.span().end());
        p.diags.add(Diagnostic.error(at, "macro expansion ignores " + t + " and any tokens following")
                .withSecondary(c.span(), "caused by the macro expansion here")
                .withNote("the usage of `" + def.name + "!` is likely invalid in " + context + " context"));
    }

    /** Items of an expansion, to its end. */
    static List<Item> itemsOf(Parser sub) {
        List<Item> items = sub.items(new ArrayList<>());
        while (!sub.atEof()) {
            sub.error(sub.peek().span(), "unexpected closing delimiter: " + sub.peek());
            sub.next();
            items.addAll(sub.items(new ArrayList<>()));
        }
        return items;
    }
}
