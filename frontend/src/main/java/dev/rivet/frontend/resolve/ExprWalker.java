package dev.rivet.frontend.resolve;

import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Stmt;
import java.util.function.Consumer;

/** Walks an expression tree, handing each nested block (not descending into it) to a callback. */
final class ExprWalker {
    private ExprWalker() {}

    static void blocks(Expr e, Consumer<Block> onBlock) {
        if (e == null) return;
        switch (e) {
            case Expr.BlockExpr b -> onBlock.accept(b.block());
            case Expr.Unsafe u -> onBlock.accept(u.block());
            case Expr.Labeled l -> onBlock.accept(l.block());
            case Expr.Loop l -> onBlock.accept(l.body());
            case Expr.While w -> {
                blocks(w.cond(), onBlock);
                onBlock.accept(w.body());
            }
            case Expr.For f -> {
                blocks(f.iterable(), onBlock);
                onBlock.accept(f.body());
            }
            case Expr.If i -> {
                blocks(i.cond(), onBlock);
                onBlock.accept(i.then());
                blocks(i.otherwise(), onBlock);
            }
            case Expr.Match m -> {
                blocks(m.scrutinee(), onBlock);
                for (Expr.Arm a : m.arms()) {
                    blocks(a.guard(), onBlock);
                    blocks(a.body(), onBlock);
                }
            }
            case Expr.Let l -> blocks(l.value(), onBlock);
            case Expr.Unary u -> blocks(u.operand(), onBlock);
            case Expr.Binary b -> {
                blocks(b.left(), onBlock);
                blocks(b.right(), onBlock);
            }
            case Expr.Assign a -> {
                blocks(a.target(), onBlock);
                blocks(a.value(), onBlock);
            }
            case Expr.CompoundAssign a -> {
                blocks(a.target(), onBlock);
                blocks(a.value(), onBlock);
            }
            case Expr.Cast c -> blocks(c.operand(), onBlock);
            case Expr.AddrOf a -> blocks(a.operand(), onBlock);
            case Expr.Call c -> {
                blocks(c.callee(), onBlock);
                c.args().forEach(x -> blocks(x, onBlock));
            }
            case Expr.MethodCall c -> {
                blocks(c.receiver(), onBlock);
                c.args().forEach(x -> blocks(x, onBlock));
            }
            case Expr.Field f -> blocks(f.base(), onBlock);
            case Expr.TupleField f -> blocks(f.base(), onBlock);
            case Expr.Index i -> {
                blocks(i.base(), onBlock);
                blocks(i.index(), onBlock);
            }
            case Expr.Range r -> {
                blocks(r.from(), onBlock);
                blocks(r.to(), onBlock);
            }
            case Expr.Break b -> blocks(b.value(), onBlock);
            case Expr.Return r -> blocks(r.value(), onBlock);
            case Expr.Tuple t -> t.elements().forEach(x -> blocks(x, onBlock));
            case Expr.Array a -> a.elements().forEach(x -> blocks(x, onBlock));
            case Expr.Repeat r -> {
                blocks(r.value(), onBlock);
                blocks(r.count(), onBlock);
            }
            case Expr.StructLit s -> {
                s.fields().forEach(f -> blocks(f.value(), onBlock));
                blocks(s.base(), onBlock);
            }
            case Expr.Closure c -> blocks(c.body(), onBlock);
            case Expr.Try t -> blocks(t.operand(), onBlock);
            case Expr.Async a -> blocks(a.operand(), onBlock);
            case Expr.Macro m -> {
                m.args().forEach(x -> blocks(x, onBlock));
                blocks(m.guard(), onBlock);
            }
            case Expr.Lit l -> { }
            case Expr.PathExpr p -> { }
            case Expr.Continue c -> { }
            case Expr.MacroCall m -> { }
        }
    }

    /** Every statement's expressions in a block, for walkers that need them. */
    static void statements(Block b, Consumer<Expr> onExpr) {
        for (Stmt s : b.stmts()) {
            if (s instanceof Stmt.Let l && l.init() != null) onExpr.accept(l.init());
            if (s instanceof Stmt.ExprStmt es) onExpr.accept(es.expr());
        }
        if (b.tail() != null) onExpr.accept(b.tail());
    }
}
