package dev.rivet.linker;

import dev.rivet.linker.script.Expr;
import dev.rivet.linker.script.ScriptException;

/** Evaluates linker-script expressions against a layout in progress. */
final class ScriptEvaluator {
    private ScriptEvaluator() {}

    static long eval(Expr e, Layout l) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Dot d -> l.dot(d.pos());
            case Expr.Sym s -> l.value(s.name(), s.pos());
            case Expr.Name n -> throw new ScriptException(n.pos(), "`" + n.name() + "` is not a value here");
            case Expr.Unary u -> {
                long v = eval(u.operand(), l);
                yield switch (u.op()) {
                    case "-" -> -v;
                    case "~" -> ~v & 0xFFFF_FFFFL;
                    default -> v == 0 ? 1 : 0;
                };
            }
            case Expr.Ternary t -> eval(t.cond(), l) != 0 ? eval(t.then(), l) : eval(t.otherwise(), l);
            case Expr.Binary b -> binary(b, l);
            case Expr.Call c -> call(c, l);
        };
    }

    private static long binary(Expr.Binary b, Layout l) {
        long x = eval(b.left(), l);
        if (b.op().equals("&&")) return x != 0 && eval(b.right(), l) != 0 ? 1 : 0;
        if (b.op().equals("||")) return x != 0 || eval(b.right(), l) != 0 ? 1 : 0;
        long y = eval(b.right(), l);
        return switch (b.op()) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/", "%" -> {
                if (y == 0) throw new ScriptException(b.pos(), "division by zero");
                yield b.op().equals("/") ? x / y : x % y;
            }
            case "<<" -> x << y;
            case ">>" -> x >>> y;
            case "&" -> x & y;
            case "|" -> x | y;
            case "^" -> x ^ y;
            case "==" -> x == y ? 1 : 0;
            case "!=" -> x != y ? 1 : 0;
            case "<" -> x < y ? 1 : 0;
            case ">" -> x > y ? 1 : 0;
            case "<=" -> x <= y ? 1 : 0;
            default -> x >= y ? 1 : 0;
        };
    }

    private static long call(Expr.Call c, Layout l) {
        String n = c.name();
        int argc = c.args().size();
        switch (n) {
            case "ALIGN" -> {
                if (argc == 1) return Layout.align(l.dot(c.pos()), eval(c.args().get(0), l));
                if (argc == 2) return Layout.align(eval(c.args().get(0), l), eval(c.args().get(1), l));
            }
            case "ABSOLUTE" -> { if (argc == 1) return eval(c.args().get(0), l); }
            case "MAX", "MIN" -> {
                if (argc == 2) {
                    long a = eval(c.args().get(0), l), b = eval(c.args().get(1), l);
                    return n.equals("MAX") ? Math.max(a, b) : Math.min(a, b);
                }
            }
            case "LOG2CEIL" -> {
                if (argc == 1) {
                    long v = eval(c.args().get(0), l);
                    return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
                }
            }
            case "SIZEOF_HEADERS" -> { return 0; }
            default -> { }
        }
        if (argc != 1 || !(c.args().get(0) instanceof Expr.Name arg))
            throw new ScriptException(c.pos(), "unknown function or wrong arguments: " + n + "(...)");
        return switch (n) {
            case "ORIGIN" -> l.regionNamed(arg.name(), arg.pos()).origin;
            case "LENGTH" -> l.regionNamed(arg.name(), arg.pos()).length;
            case "ADDR" -> l.output(arg.name(), arg.pos()).vma;
            case "LOADADDR" -> l.output(arg.name(), arg.pos()).lma;
            case "SIZEOF" -> l.output(arg.name(), arg.pos()).size;
            case "ALIGNOF" -> l.output(arg.name(), arg.pos()).align;
            case "DEFINED" -> l.defined(arg.name()) ? 1 : 0;
            case "CONSTANT" -> 0x1000; // MAXPAGESIZE, COMMONPAGESIZE: irrelevant without an MMU
            default -> throw new ScriptException(c.pos(), "unknown function " + n + "()");
        };
    }
}
