package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;

/** A statement inside a block. */
public sealed interface Stmt {
    Span span();

    /** {@code let pat: type = init else { ... };} (type, init and else optional). */
    record Let(Pat pattern, TypeExpr type, Expr init, Block otherwise, Span span) implements Stmt {}

    /** An expression statement; {@code semi} is false for a block-like expression without {@code ;}. */
    record ExprStmt(Expr expr, boolean semi, Span span) implements Stmt {}

    record ItemStmt(Item item, Span span) implements Stmt {}

    record Empty(Span span) implements Stmt {}
}
