package dev.rivet.linker.script;

import java.util.List;

/** An expression of a linker script. {@link Evaluator} computes its value. */
public sealed interface Expr {
    /** Where the expression starts, for errors. */
    Pos pos();

    record Num(long value, Pos pos) implements Expr {}

    /** The location counter {@code .}. */
    record Dot(Pos pos) implements Expr {}

    record Sym(String name, Pos pos) implements Expr {}

    /** A binary operator: {@code + - * / % << >> & | ^ == != < > <= >= && ||}. */
    record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

    /** A unary operator: {@code - ~ !}. */
    record Unary(String op, Expr operand, Pos pos) implements Expr {}

    record Ternary(Expr cond, Expr then, Expr otherwise, Pos pos) implements Expr {}

    /** A built-in function: ALIGN, ORIGIN, LENGTH, ADDR, LOADADDR, SIZEOF, DEFINED, MAX, MIN, ABSOLUTE, .... */
    record Call(String name, List<Expr> args, Pos pos) implements Expr {}

    /** A name argument of a function (a region or section name, as in {@code ORIGIN(FLASH)}). */
    record Name(String name, Pos pos) implements Expr {}

    /** True if the value does not depend on the location counter or on symbols (a plain number). */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Num n -> true;
            case Binary b -> isConstant(b.left()) && isConstant(b.right());
            case Unary u -> isConstant(u.operand());
            case Ternary t -> isConstant(t.cond()) && isConstant(t.then()) && isConstant(t.otherwise());
            default -> false;
        };
    }
}
