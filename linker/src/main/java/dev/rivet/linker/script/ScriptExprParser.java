package dev.rivet.linker.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Character scanning and the expression grammar (C precedence) shared by the script parser. */
abstract class ScriptExprParser {
    private final String file;
    private final String text;
    private int at;

    ScriptExprParser(String file, String text) {
        this.file = file;
        this.text = text;
    }

    // ---- scanning ----

    final boolean atEnd() {
        skip();
        return at >= text.length();
    }

    final char peek() { return at < text.length() ? text.charAt(at) : '\0'; }

    final char next() { return text.charAt(at++); }

    final int mark() { return at; }

    final void reset(int mark) { at = mark; }

    /** Skips white space and comments. */
    final void skip() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) throw error("unterminated comment");
                at = end + 2;
            } else if (text.startsWith("//", at)) {
                while (at < text.length() && text.charAt(at) != '\n') at++;
            } else {
                return;
            }
        }
    }

    final Pos pos() {
        int line = 1, col = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Pos(file, line, col);
    }

    final ScriptException error(String message) { return new ScriptException(pos(), message); }

    final boolean eat(char c) {
        skip();
        if (peek() != c) return false;
        at++;
        return true;
    }

    final void expect(char c) {
        if (!eat(c)) throw error("expected `" + c + "`, found " + (at < text.length() ? "`" + peek() + "`" : "end of file"));
    }

    final boolean lookingAt(String s) {
        skip();
        return text.startsWith(s, at);
    }

    private static boolean exprNameStart(char c) { return Character.isLetter(c) || c == '_' || c == '.' || c == '$'; }

    private static boolean exprNameChar(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$'; }

    private static boolean sectionNameChar(char c) {
        return Character.isLetterOrDigit(c) || "_.$*?[]/-~\\^!+".indexOf(c) >= 0;
    }

    /** A name as expressions spell them (symbols, regions). */
    final String name() {
        skip();
        if (peek() == '"') return quoted();
        int start = at;
        if (at < text.length() && exprNameStart(peek())) while (at < text.length() && exprNameChar(peek())) at++;
        if (start == at) throw error("expected a name, found " + (at < text.length() ? "`" + peek() + "`" : "end of file"));
        return text.substring(start, at);
    }

    /** A section name, file name or glob pattern; empty if none is here. */
    final String sectionName() {
        skip();
        if (peek() == '"') return quoted();
        int start = at;
        while (at < text.length() && sectionNameChar(peek())) at++;
        return text.substring(start, at);
    }

    final String peekSectionName() {
        int save = at;
        String s = sectionName();
        at = save;
        return s;
    }

    final String quoted() {
        expect('"');
        int start = at;
        while (at < text.length() && peek() != '"') at++;
        String s = text.substring(start, at);
        expect('"');
        return s;
    }

    final void expectKeyword(Set<String> spellings, String what) {
        String w = name();
        if (!spellings.contains(w)) throw error("expected " + what + ", found `" + w + "`");
    }

    private static final List<String> ASSIGN_OPS = List.of("<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=", "=");

    final boolean atAssignment() {
        skip();
        for (String op : ASSIGN_OPS)
            if (text.startsWith(op, at)) return !op.equals("=") || !text.startsWith("==", at);
        return false;
    }

    final String assignOp() {
        skip();
        for (String op : ASSIGN_OPS)
            if (text.startsWith(op, at)) {
                at += op.length();
                return op;
            }
        throw error("expected an assignment operator");
    }

    // ---- expressions ----

    final Expr expression() {
        Pos pos = pos0();
        Expr cond = binary(0);
        if (!eat('?')) return cond;
        Expr then = expression();
        expect(':');
        Expr otherwise = expression();
        return new Expr.Ternary(cond, then, otherwise, pos);
    }

    private Pos pos0() {
        skip();
        return pos();
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
    };

    private Expr binary(int level) {
        if (level == LEVELS.length) return unary();
        Expr left = binary(level + 1);
        while (true) {
            String op = operatorAt(level);
            if (op == null) return left;
            Pos pos = pos();
            at += op.length();
            left = new Expr.Binary(op, left, binary(level + 1), pos);
        }
    }

    private String operatorAt(int level) {
        skip();
        for (String op : LEVELS[level]) {
            if (!text.startsWith(op, at)) continue;
            // don't take `|` of `||`, `&` of `&&`, `<` of `<<` or `<=`, and never an assignment operator
            String rest = text.substring(at + op.length(), Math.min(text.length(), at + op.length() + 1));
            if ((op.equals("|") && rest.equals("|")) || (op.equals("&") && rest.equals("&"))) continue;
            if ((op.equals("<") || op.equals(">")) && (rest.equals("<") || rest.equals(">") || rest.equals("="))) continue;
            if (rest.equals("=") && !op.equals("==") && !op.equals("!=") && !op.equals("<=") && !op.equals(">=")) return null;
            return op;
        }
        return null;
    }

    private static final Set<String> NAME_ARGUMENT = Set.of("ORIGIN", "LENGTH", "ADDR", "LOADADDR", "SIZEOF", "ALIGNOF",
            "DEFINED", "CONSTANT");

    private Expr unary() {
        skip();
        Pos pos = pos();
        char c = peek();
        if (c == '-' || c == '~' || c == '!') {
            at++;
            return new Expr.Unary(String.valueOf(c), unary(), pos);
        }
        if (c == '+') {
            at++;
            return unary();
        }
        if (c == '(') {
            at++;
            Expr e = expression();
            expect(')');
            return e;
        }
        if (Character.isDigit(c)) return number(pos);
        if (c == '.' && (at + 1 >= text.length() || !exprNameChar(text.charAt(at + 1)))) {
            at++;
            return new Expr.Dot(pos);
        }
        String n = name();
        skip();
        if (peek() != '(') return new Expr.Sym(n, pos);
        at++;
        List<Expr> args = new ArrayList<>();
        while (!eat(')')) {
            if (NAME_ARGUMENT.contains(n)) {
                Pos p = pos0();
                args.add(new Expr.Name(sectionName(), p));
            } else {
                args.add(expression());
            }
            if (!eat(',')) {
                expect(')');
                break;
            }
        }
        return new Expr.Call(n, args, pos);
    }

    private Expr number(Pos pos) {
        int start = at;
        while (at < text.length() && Character.isLetterOrDigit(peek())) at++;
        String s = text.substring(start, at).toLowerCase();
        long mult = 1;
        if (!s.startsWith("0x") && (s.endsWith("k") || s.endsWith("m"))) {
            mult = s.endsWith("k") ? 1024 : 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v;
            if (s.startsWith("0x")) v = Long.parseUnsignedLong(s.substring(2), 16);
            else if (s.endsWith("h")) v = Long.parseUnsignedLong(s.substring(0, s.length() - 1), 16);
            else if (s.length() > 1 && s.startsWith("0")) v = Long.parseLong(s.substring(1), 8);
            else v = Long.parseLong(s);
            return new Expr.Num(v * mult, pos);
        } catch (NumberFormatException e) {
            throw new ScriptException(pos, "invalid number `" + text.substring(start, at) + "`");
        }
    }
}
