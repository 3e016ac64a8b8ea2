package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Names;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Expr.BinOp;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expressions with Rust's precedence, from loosest to tightest: assignment (right), range,
 * {@code ||}, {@code &&}, comparisons (non-associative), {@code |}, {@code ^}, {@code &},
 * shifts, additive, multiplicative, {@code as}, unary, postfix (calls, methods, fields,
 * indexing, {@code ?}). Struct literals are not allowed where a block must follow (conditions
 * of {@code if}/{@code while}, {@code match} scrutinees, {@code for} iterables).
 */
abstract class ExprParser extends PatternParser {
    private static final Map<String, BinOp> BINARY = Map.ofEntries(
            Map.entry("||", BinOp.OR), Map.entry("&&", BinOp.AND),
            Map.entry("==", BinOp.EQ), Map.entry("!=", BinOp.NE), Map.entry("<", BinOp.LT), Map.entry("<=", BinOp.LE),
            Map.entry(">", BinOp.GT), Map.entry(">=", BinOp.GE),
            Map.entry("|", BinOp.BIT_OR), Map.entry("^", BinOp.BIT_XOR), Map.entry("&", BinOp.BIT_AND),
            Map.entry("<<", BinOp.SHL), Map.entry(">>", BinOp.SHR),
            Map.entry("+", BinOp.ADD), Map.entry("-", BinOp.SUB),
            Map.entry("*", BinOp.MUL), Map.entry("/", BinOp.DIV), Map.entry("%", BinOp.REM));
    private static final Map<String, BinOp> COMPOUND = Map.of("+=", BinOp.ADD, "-=", BinOp.SUB, "*=", BinOp.MUL,
            "/=", BinOp.DIV, "%=", BinOp.REM, "&=", BinOp.BIT_AND, "|=", BinOp.BIT_OR, "^=", BinOp.BIT_XOR,
            "<<=", BinOp.SHL, ">>=", BinOp.SHR);

    /** While set, {@code Path {} } is not a struct literal (a block follows instead). */
    protected boolean noStruct;

    ExprParser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    /** Parses one statement into {@code into}; a statement macro may add several (or none). */
    abstract void statement(List<Stmt> into);

    abstract Block interpolatedBlock(Token t);

    abstract Expr builtinMacro(Path path, Span start);

    private static int precedence(BinOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 3;
            case BIT_OR -> 4;
            case BIT_XOR -> 5;
            case BIT_AND -> 6;
            case SHL, SHR -> 7;
            case ADD, SUB -> 8;
            case MUL, DIV, REM -> 9;
        };
    }

    @Override
    Expr expression() {
        boolean saved = noStruct;
        noStruct = false;
        try {
            return assignment();
        } finally {
            noStruct = saved;
        }
    }

    /** An expression where a struct literal may not appear at the top level. */
    protected Expr conditionExpression() {
        boolean saved = noStruct;
        noStruct = true;
        try {
            return assignment();
        } finally {
            noStruct = saved;
        }
    }

    // Assignment := Range (("=" | OP "=") Assignment)?
    private Expr assignment() {
        Span start = peek().span();
        Expr lhs = range();
        if (atPunct("=")) {
            next();
            return new Expr.Assign(lhs, assignment(), spanFrom(start));
        }
        Token t = peek();
        if (t.kind() == TokenKind.PUNCT && COMPOUND.containsKey(t.text())) {
            next();
            return new Expr.CompoundAssign(COMPOUND.get(t.text()), lhs, assignment(), spanFrom(start));
        }
        return lhs;
    }

    // Range := Binary? (".." | "..=") Binary?
    private Expr range() {
        Span start = peek().span();
        if (atPunct("..") || atPunct("..=")) {
            boolean inclusive = next().text().equals("..=");
            Expr to = startsExpression() ? binary(1) : null;
            return new Expr.Range(null, to, inclusive, spanFrom(start));
        }
        Expr from = binary(1);
        if (atPunct("..") || atPunct("..=")) {
            boolean inclusive = next().text().equals("..=");
            Expr to = startsExpression() ? binary(1) : null;
            return new Expr.Range(from, to, inclusive, spanFrom(start));
        }
        return from;
    }

    private boolean startsExpression() {
        Token t = peek();
        if (noStruct && t.kind() == TokenKind.OPEN_BRACE) return false;
        return switch (t.kind()) {
            case EOF, CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE -> false;
            case PUNCT -> List.of("-", "!", "*", "&", "&&", "|", "||", "::", "<", "#").contains(t.text());
            case IDENT -> !t.isKeyword("as") && !t.isKeyword("else");
            default -> true;
        };
    }

    // Binary := Cast (BINOP Cast)*   by precedence climbing
    private Expr binary(int minPrec) {
        Span start = peek().span();
        Expr left = cast();
        while (true) {
            Token t = peek();
            BinOp op = t.kind() == TokenKind.PUNCT ? BINARY.get(t.text()) : null;
            if (op == null || precedence(op) < minPrec) return left;
            next();
            Expr right = binary(precedence(op) + 1);
            left = new Expr.Binary(op, left, right, spanFrom(start));
            if (op.isComparison() && peek().kind() == TokenKind.PUNCT && BINARY.get(peek().text()) != null
                    && BINARY.get(peek().text()).isComparison())
                throw error(peek().span(), "comparison operators cannot be chained");
        }
    }

    // Cast := Unary ("as" TypeNoBounds)*
    private Expr cast() {
        Span start = peek().span();
        Expr e = unary();
        while (atKeyword("as")) {
            next();
            TypeExpr t = type();
            e = new Expr.Cast(e, t, spanFrom(start));
        }
        return e;
    }

    // Unary := ("-" | "!" | "*" | "&" "mut"? | "&&" "mut"?) Unary | Postfix
    private Expr unary() {
        Span start = peek().span();
        if (eatPunct("-")) return new Expr.Unary(Expr.UnOp.NEG, unary(), spanFrom(start));
        if (eatPunct("!")) return new Expr.Unary(Expr.UnOp.NOT, unary(), spanFrom(start));
        if (eatPunct("*")) return new Expr.Unary(Expr.UnOp.DEREF, unary(), spanFrom(start));
        if (atPunct("&") || atPunct("&&")) {
            splitIfStartsWith("&");
            next();
            boolean raw = false;
            if (peek().isKeyword("raw") || (peek().kind() == TokenKind.IDENT && peek().text().equals("raw")
                    && (peek(1).isKeyword("const") || peek(1).isKeyword("mut")))) {
                next();
                raw = true;
                boolean mut = eatKeyword("mut");
                if (!mut) expectKeyword("const");
                return new Expr.AddrOf(mut, true, unary(), spanFrom(start));
            }
            boolean mut = eatKeyword("mut");
            return new Expr.AddrOf(mut, raw, unary(), spanFrom(start));
        }
        return postfix(primary(), start);
    }

    // Postfix := Primary ( "(" Args ")" | "[" Expr "]" | "." IDENT GenericArgs? "(" Args ")" | "." IDENT
    //                    | "." INT | "?" | "." "await" )*
    protected Expr postfix(Expr e, Span start) {
        while (true) {
            if (at(TokenKind.OPEN_PAREN)) {
                e = new Expr.Call(e, arguments(), spanFrom(start));
            } else if (at(TokenKind.OPEN_BRACKET)) {
                next();
                Expr index = expression();
                expect(TokenKind.CLOSE_BRACKET, "`]`");
                e = new Expr.Index(e, index, spanFrom(start));
            } else if (atPunct("?")) {
                next();
                e = new Expr.Try(e, spanFrom(start));
            } else if (atPunct(".")) {
                next();
                e = member(e, start);
            } else {
                return e;
            }
        }
    }

    private Expr member(Expr base, Span start) {
        Token t = peek();
        if (t.kind() == TokenKind.INT) {
            next();
            if (!t.text().matches("\\d{1,9}")) throw error(t.span(), "invalid tuple index `" + t.text() + "`");
            return new Expr.TupleField(base, Integer.parseInt(t.text()), spanFrom(start));
        }
        if (t.kind() == TokenKind.FLOAT && t.text().matches("\\d+\\.\\d+")) {
            // x.0.1 lexes its indices as the float 0.1
            next();
            String[] parts = t.text().split("\\.");
            Expr inner = new Expr.TupleField(base, Integer.parseInt(parts[0]), spanFrom(start));
            return new Expr.TupleField(inner, Integer.parseInt(parts[1]), spanFrom(start));
        }
        if (t.isKeyword("await")) {
            next();
            return new Expr.Async(base, spanFrom(start));
        }
        Token name = expectIdent("field or method name");
        List<Path.GenericArg> turbofish = List.of();
        if (atPunct("::")) {
            next();
            turbofish = genericArgs();
        }
        if (at(TokenKind.OPEN_PAREN)) {
            List<Expr> args = arguments();
            return new Expr.MethodCall(base, name.text(), turbofish, args, name.span(), spanFrom(start));
        }
        return new Expr.Field(base, name.text(), name.span(), spanFrom(start));
    }

    private List<Expr> arguments() {
        expect(TokenKind.OPEN_PAREN, "`(`");
        List<Expr> args = new ArrayList<>();
        while (!at(TokenKind.CLOSE_PAREN)) {
            args.add(expression());
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        return args;
    }

    // ---- primary expressions ----

    private Expr primary() {
        Token t = peek();
        Span start = t.span();
        FragmentKind fragment = atFragment();
        if (fragment == FragmentKind.EXPR || fragment == FragmentKind.EXPR_2021 || fragment == FragmentKind.LITERAL)
            return interpolatedExpr(next());
        if (fragment == FragmentKind.BLOCK) {
            Block b = interpolatedBlock(next());
            return new Expr.BlockExpr(b, b.span());
        }
        if (fragment == FragmentKind.TY && peek(1).isPunct("::"))
            throw error(t.span(), "missing angle brackets in associated item path");
        if (atLiteral()) {
            next();
            return new Expr.Lit(literal(t), start);
        }
        if (at(TokenKind.LIFETIME)) return labeled(start);
        if (at(TokenKind.OPEN_PAREN)) return parenthesized(start);
        if (at(TokenKind.OPEN_BRACKET)) return array(start);
        if (at(TokenKind.OPEN_BRACE)) {
            Block b = block();
            return new Expr.BlockExpr(b, b.span());
        }
        if (atPunct("|") || atPunct("||") || atKeyword("move")) return closure(start);
        if (t.kind() == TokenKind.IDENT && !t.raw()) {
            switch (t.text()) {
                case "if": return ifExpr();
                case "match": return matchExpr();
                case "loop", "while", "for": return loopExpr(null, start);
                case "unsafe": {
                    next();
                    Block b = block();
                    return new Expr.Unsafe(b, spanFrom(start));
                }
                case "return": {
                    next();
                    Expr v = startsExpression() ? expression() : null;
                    return new Expr.Return(v, spanFrom(start));
                }
                case "break": {
                    next();
                    String label = at(TokenKind.LIFETIME) ? labelUse(next()) : null;
                    Expr v = startsExpression() && !(noStruct && at(TokenKind.OPEN_BRACE)) ? expression() : null;
                    return new Expr.Break(label, v, spanFrom(start));
                }
                case "continue": {
                    next();
                    String label = at(TokenKind.LIFETIME) ? labelUse(next()) : null;
                    return new Expr.Continue(label, spanFrom(start));
                }
                case "async": {
                    next();
                    eatKeyword("move");
                    Block b = block();
                    return new Expr.Async(new Expr.BlockExpr(b, b.span()), spanFrom(start));
                }
                case "const": {
                    if (peek(1).kind() == TokenKind.OPEN_BRACE) {
                        next();
                        Block b = block();
                        return new Expr.BlockExpr(b, spanFrom(start));
                    }
                    break;
                }
                case "let": {
                    next();
                    Pat p = pattern();
                    expectPunct("=");
                    Expr v = letScrutinee();
                    return new Expr.Let(p, v, spanFrom(start));
                }
                default:
                    break;
            }
        }
        if (atPathStart()) return pathExpression(start);
        throw error(t.span(), "expected expression, found " + t);
    }

    /** The value in {@code if let P = value}: binds tighter than {@code &&} and {@code ||}. */
    private Expr letScrutinee() {
        boolean saved = noStruct;
        noStruct = true;
        try {
            return binary(3);
        } finally {
            noStruct = saved;
        }
    }

    private Expr pathExpression(Span start) {
        Token first = peek();
        Path path = path(PathMode.EXPR);
        if (atPunct("!") && !peek(1).isPunct("=")) {
            next();
            return builtinMacro(path, start);
        }
        if (at(TokenKind.OPEN_BRACE) && !noStruct && looksLikeStructLiteral()) return structLiteral(path, start);
        return new Expr.PathExpr(hygienic(path, first), path.span());
    }

    /**
     * A single-name path written in a macro body names a local with the expansion's hygiene
     * mark (a path to an item resolves by the name's base, so marking does not hide items).
     */
    private Path hygienic(Path path, Token first) {
        if (!path.isSingle() || first.ctx() == 0 || first.kind() != TokenKind.IDENT || (!first.raw() && KEYWORDS.contains(first.text())))
            return path;
        return Path.single(hygienic(first), path.span());
    }

    /** After {@code Path}: "{ }", "{ ident :", "{ ident ,", "{ ident }", "{ .." start a struct literal. */
    private boolean looksLikeStructLiteral() {
        Token a = peek(1), b = peek(2);
        if (a.kind() == TokenKind.CLOSE_BRACE || a.isPunct("..")) return true;
        if (a.kind() == TokenKind.IDENT || a.kind() == TokenKind.INT)
            return b.isPunct(":") || b.isPunct(",") || b.kind() == TokenKind.CLOSE_BRACE;
        return a.isPunct("#");
    }

    // StructLiteral := Path "{" (Field ("," Field)*)? ","? (".." Expr)? "}"
    private Expr structLiteral(Path path, Span start) {
        next();
        List<Expr.FieldInit> fields = new ArrayList<>();
        Expr base = null;
        while (!at(TokenKind.CLOSE_BRACE)) {
            skipOuterAttributes();
            if (eatPunct("..")) {
                if (!at(TokenKind.CLOSE_BRACE)) base = expression();
                break;
            }
            Span fs = peek().span();
            Token name = at(TokenKind.INT) ? next() : expectIdent("field name");
            if (eatPunct(":")) {
                fields.add(new Expr.FieldInit(name.text(), expression(), spanFrom(fs)));
            } else {
                fields.add(new Expr.FieldInit(name.text(), new Expr.PathExpr(Path.single(hygienic(name),
                        name.span()), name.span()), spanFrom(fs)));
            }
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Expr.StructLit(path, fields, base, spanFrom(start));
    }

    private Expr parenthesized(Span start) {
        next();
        List<Expr> elems = new ArrayList<>();
        boolean comma = false;
        while (!at(TokenKind.CLOSE_PAREN)) {
            elems.add(expression());
            comma = eatPunct(",");
            if (!comma) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        if (elems.size() == 1 && !comma) return elems.getFirst();
        return new Expr.Tuple(elems, spanFrom(start));
    }

    private Expr array(Span start) {
        next();
        List<Expr> elems = new ArrayList<>();
        if (!at(TokenKind.CLOSE_BRACKET)) {
            Expr first = expression();
            if (eatPunct(";")) {
                Expr count = expression();
                expect(TokenKind.CLOSE_BRACKET, "`]`");
                return new Expr.Repeat(first, count, spanFrom(start));
            }
            elems.add(first);
            while (eatPunct(",") && !at(TokenKind.CLOSE_BRACKET)) elems.add(expression());
        }
        expect(TokenKind.CLOSE_BRACKET, "`]`");
        return new Expr.Array(elems, spanFrom(start));
    }

    // Closure := "move"? ("||" | "|" (Pattern (":" Type)?),* "|") ("->" Type Block | Expr)
    private Expr closure(Span start) {
        boolean isMove = eatKeyword("move");
        List<Expr.ClosureParam> params = new ArrayList<>();
        if (!eatPunct("||")) {
            expectPunct("|");
            while (!atPunct("|")) {
                Pat p = patternNoAlt();
                TypeExpr t = eatPunct(":") ? type() : null;
                params.add(new Expr.ClosureParam(p, t));
                if (!eatPunct(",")) break;
            }
            expectPunct("|");
        }
        TypeExpr ret = null;
        Expr body;
        if (eatPunct("->")) {
            ret = type();
            Block b = block();
            body = new Expr.BlockExpr(b, b.span());
        } else {
            body = expression();
        }
        return new Expr.Closure(isMove, params, ret, body, spanFrom(start));
    }

    // IfExpr := "if" Condition Block ("else" (Block | IfExpr))?
    protected Expr ifExpr() {
        Span start = expectKeyword("if").span();
        Expr cond = conditionExpression();
        Block then = block();
        Expr otherwise = null;
        if (eatKeyword("else")) {
            if (atKeyword("if")) {
                otherwise = ifExpr();
            } else {
                Block b = block();
                otherwise = new Expr.BlockExpr(b, b.span());
            }
        }
        return new Expr.If(cond, then, otherwise, spanFrom(start));
    }

    // MatchExpr := "match" Scrutinee "{" (Pattern ("if" Expr)? "=>" (BlockExpr ","? | Expr ","))* "}"
    protected Expr matchExpr() {
        Span start = expectKeyword("match").span();
        Expr scrutinee = conditionExpression();
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Expr.Arm> arms = new ArrayList<>();
        while (!at(TokenKind.CLOSE_BRACE) && !atEof()) {
            skipOuterAttributes();
            Span as = peek().span();
            Pat p = pattern();
            Expr guard = eatKeyword("if") ? expression() : null;
            expectPunct("=>");
            Expr body;
            if (isBlockLikeStart()) {
                // As a statement: a block-like body ends the arm, so `{ 1 } (1, x) => ..` starts
                // the next arm; only `.` and `?` continue it (rustc's statement-expression rule).
                Span bodyStart = peek().span();
                body = blockLike();
                if (atPunct(".") || atPunct("?")) {
                    body = postfix(body, bodyStart);
                    if (!eatPunct(",") && !at(TokenKind.CLOSE_BRACE))
                        throw error(peek().span(), "expected `,` following `match` arm, found " + peek());
                } else {
                    eatPunct(",");
                }
            } else {
                body = expression();
                if (!eatPunct(",") && !at(TokenKind.CLOSE_BRACE))
                    throw error(peek().span(), "expected `,` following `match` arm, found " + peek());
            }
            arms.add(new Expr.Arm(p, guard, body, spanFrom(as)));
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Expr.Match(scrutinee, arms, spanFrom(start));
    }

    /**
     * The label of {@code break}/{@code continue}: labels are hygienic as locals are, so one
     * written in a macro body names a loop of the same expansion, or else a loop around where
     * the macro was written (the enclosing labels are known while parsing).
     */
    private String labelUse(Token t) {
        String name = hygienic(t);
        for (String n = name; n != null; n = Names.outer(n)) if (labels.contains(n)) return n;
        return name;
    }

    private Expr labeled(Span start) {
        String label = hygienic(next());
        expectPunct(":");
        labels.add(label);
        try {
            if (at(TokenKind.OPEN_BRACE)) {
                Block b = block();
                return new Expr.Labeled(label, b, spanFrom(start));
            }
            return loopExpr(label, start);
        } finally {
            labels.removeLast();
        }
    }

    // Loop := "loop" Block | "while" Condition Block | "for" Pattern "in" Expr Block
    private Expr loopExpr(String label, Span start) {
        if (eatKeyword("loop")) return new Expr.Loop(label, block(), spanFrom(start));
        if (eatKeyword("while")) {
            Expr cond = conditionExpression();
            return new Expr.While(label, cond, block(), spanFrom(start));
        }
        if (eatKeyword("for")) {
            Pat p = pattern();
            expectKeyword("in");
            Expr iter = conditionExpression();
            return new Expr.For(label, p, iter, block(), spanFrom(start));
        }
        throw error(peek().span(), "expected `loop`, `while`, `for` or a block after a label");
    }

    /** if, match, loops, blocks and unsafe blocks end a statement without `;`. */
    protected boolean isBlockLikeStart() {
        Token t = peek();
        if (t.kind() == TokenKind.OPEN_BRACE) return true;
        if (t.kind() == TokenKind.LIFETIME && peek(1).isPunct(":")) return true;
        if (t.kind() != TokenKind.IDENT || t.raw()) return false;
        return switch (t.text()) {
            case "if", "match", "loop", "while", "for" -> true;
            case "unsafe" -> peek(1).kind() == TokenKind.OPEN_BRACE;
            default -> false;
        };
    }

    protected Expr blockLike() {
        Span start = peek().span();
        if (at(TokenKind.OPEN_BRACE)) {
            Block b = block();
            return new Expr.BlockExpr(b, b.span());
        }
        if (at(TokenKind.LIFETIME)) return labeled(start);
        return primary();
    }

    // Block := "{" InnerAttribute* Statement* Expr? "}"
    @Override
    Block block() {
        if (atFragment() == FragmentKind.BLOCK) return interpolatedBlock(next());
        Span start = expect(TokenKind.OPEN_BRACE, "`{`").span();
        int scope = macros.textual.mark(); // macros defined in a block are visible to its end
        try {
            return blockRest(start);
        } finally {
            macros.textual.restore(scope);
        }
    }

    private Block blockRest(Span start) {
        while (atPunct("#") && peek(1).isPunct("!")) {
            next();
            next();
            tokenTree();
        }
        while (at(TokenKind.DOC_INNER)) next();
        List<Stmt> stmts = new ArrayList<>();
        Expr tail = null;
        while (!at(TokenKind.CLOSE_BRACE) && !atEof()) {
            int before = pos;
            try {
                statement(stmts);
            } catch (ParseError e) {
                if (pos == before) next();
                recoverToStatementEnd();
            }
        }
        if (!stmts.isEmpty() && stmts.getLast() instanceof Stmt.ExprStmt es && !es.semi()) {
            stmts.removeLast();
            tail = es.expr();
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Block(stmts, tail, spanFrom(start));
    }
}
