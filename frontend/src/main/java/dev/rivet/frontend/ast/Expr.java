package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import java.util.List;

/** An expression. Nodes are compared by identity when later stages annotate them. */
public sealed interface Expr {
    Span span();

    enum UnOp { NEG, NOT, DEREF }

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"), AND("&&"), OR("||"),
        BIT_AND("&"), BIT_OR("|"), BIT_XOR("^"), SHL("<<"), SHR(">>"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        BinOp(String symbol) { this.symbol = symbol; }

        public boolean isComparison() { return ordinal() >= EQ.ordinal(); }

        public boolean isLazy() { return this == AND || this == OR; }
    }

    record Lit(Literal value, Span span) implements Expr {}

    record PathExpr(Path path, Span span) implements Expr {}

    record Unary(UnOp op, Expr operand, Span span) implements Expr {}

    record Binary(BinOp op, Expr left, Expr right, Span span) implements Expr {}

    record Assign(Expr target, Expr value, Span span) implements Expr {}

    /** {@code target op= value}. */
    record CompoundAssign(BinOp op, Expr target, Expr value, Span span) implements Expr {}

    record Cast(Expr operand, TypeExpr type, Span span) implements Expr {}

    /** {@code &e}, {@code &mut e}; {@code raw} for {@code &raw const e} / {@code &raw mut e}. */
    record AddrOf(boolean mutable, boolean raw, Expr operand, Span span) implements Expr {}

    record Call(Expr callee, List<Expr> args, Span span) implements Expr {}

    record MethodCall(Expr receiver, String method, List<Path.GenericArg> turbofish, List<Expr> args,
                      Span nameSpan, Span span) implements Expr {}

    record Field(Expr base, String name, Span nameSpan, Span span) implements Expr {}

    record TupleField(Expr base, int index, Span span) implements Expr {}

    record Index(Expr base, Expr index, Span span) implements Expr {}

    /** {@code a..b}, {@code a..=b}, {@code a..}, {@code ..b}, {@code ..}. */
    record Range(Expr from, Expr to, boolean inclusive, Span span) implements Expr {}

    record BlockExpr(Block block, Span span) implements Expr {}

    /** {@code unsafe { ... }}. */
    record Unsafe(Block block, Span span) implements Expr {}

    /** {@code if cond {..} else ..}; the condition may be a {@link Let} ({@code if let}). */
    record If(Expr cond, Block then, Expr otherwise, Span span) implements Expr {}

    /** {@code let pat = expr} as the condition of {@code if} or {@code while}. */
    record Let(Pat pattern, Expr value, Span span) implements Expr {}

    record While(String label, Expr cond, Block body, Span span) implements Expr {}

    record Loop(String label, Block body, Span span) implements Expr {}

    record For(String label, Pat pattern, Expr iterable, Block body, Span span) implements Expr {}

    /** A labelled block {@code 'a: { ... }}. */
    record Labeled(String label, Block block, Span span) implements Expr {}

    record Match(Expr scrutinee, List<Arm> arms, Span span) implements Expr {}

    record Arm(Pat pattern, Expr guard, Expr body, Span span) {}

    record Break(String label, Expr value, Span span) implements Expr {}

    record Continue(String label, Span span) implements Expr {}

    record Return(Expr value, Span span) implements Expr {}

    record Tuple(List<Expr> elements, Span span) implements Expr {}

    record Array(List<Expr> elements, Span span) implements Expr {}

    /** {@code [value; count]}. */
    record Repeat(Expr value, Expr count, Span span) implements Expr {}

    /** {@code Path { a: 1, b, ..base }}. */
    record StructLit(Path path, List<FieldInit> fields, Expr base, Span span) implements Expr {}

    record FieldInit(String name, Expr value, Span span) {}

    record Closure(boolean isMove, List<ClosureParam> params, TypeExpr ret, Expr body, Span span) implements Expr {}

    record ClosureParam(Pat pattern, TypeExpr type) {}

    /** {@code expr?}. */
    record Try(Expr operand, Span span) implements Expr {}

    /** {@code expr.await}, {@code async { }}: parsed, never compiled. */
    record Async(Expr operand, Span span) implements Expr {}

    /**
     * A built-in macro whose arguments the parser understood: {@code println!}, {@code assert_eq!},
     * {@code matches!} ({@code pattern} set) and friends.
     */
    record Macro(String name, List<Expr> args, Pat pattern, Expr guard, Span nameSpan, Span span) implements Expr {}

    /** Any other macro call; its tokens are kept for the error message. */
    record MacroCall(Path path, List<Token> tokens, Span span) implements Expr {}
}
