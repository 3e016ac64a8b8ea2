package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import java.util.List;

/** {@code { stmts; tail }}: the tail expression, if any, is the block's value. */
public record Block(List<Stmt> stmts, Expr tail, Span span) {}
