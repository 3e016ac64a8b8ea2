package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Generics;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Paths, generic arguments, types, generic parameter lists and where clauses. */
abstract class TypeParser extends ParserBase {
    /** Where a path appears: it decides how generic arguments may be written. */
    enum PathMode { EXPR, TYPE, MOD }

    TypeParser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    abstract Expr expression();

    abstract Block block();

    /** After {@code path!} in type position. */
    abstract TypeExpr typeMacro(Path path, Span start);

    /** An opaque macro fragment read back as a type, a path or an expression. */
    abstract TypeExpr interpolatedType(Token t);

    abstract Path interpolatedPath(Token t, PathMode mode);

    abstract Expr interpolatedExpr(Token t);

    // ---- paths ----

    protected boolean atPathStart() {
        Token t = peek();
        if (atFragment() == FragmentKind.PATH) return true;
        if (t.isPunct("::") || t.isPunct("<")) return true;
        if (t.kind() != TokenKind.IDENT) return false;
        return t.raw() || !KEYWORDS.contains(t.text()) || switch (t.text()) {
            case "self", "Self", "super", "crate" -> true;
            default -> false;
        };
    }

    // Path := "::"? Segment ("::" Segment)*  |  "<" Type ("as" Path)? ">" "::" Segment ("::" Segment)*
    protected Path path(PathMode mode) {
        if (atFragment() == FragmentKind.PATH) return interpolatedPath(next(), mode);
        Span start = peek().span();
        TypeExpr qself = null;
        boolean global = false;
        List<Path.Segment> segments = new ArrayList<>();
        if (atPunct("<") || atPunct("<<")) {
            splitIfStartsWith("<");
            next();
            qself = type();
            if (eatKeyword("as")) segments.addAll(path(PathMode.TYPE).segments());
            expectPunct(">");
            expectPunct("::");
        } else if (eatPunct("::")) {
            global = true;
        }
        segments.add(segment(mode));
        while (atPunct("::")) {
            if (peek(1).kind() == TokenKind.OPEN_BRACE || peek(1).isPunct("*")) break; // use a::{..} / a::*
            if (peek(1).isPunct("<") || peek(1).isPunct("<<")) {
                if (mode == PathMode.MOD) break;
                next();
                Path.Segment last = segments.removeLast();
                segments.add(new Path.Segment(last.name(), genericArgs(), last.span()));
                continue;
            }
            next();
            segments.add(segment(mode));
        }
        return new Path(global, qself, segments, spanFrom(start));
    }

    // Segment := IDENT | self | super | crate | Self, then in types: GenericArgs | FnSugar
    private Path.Segment segment(PathMode mode) {
        Token name = peek();
        boolean ok = name.kind() == TokenKind.IDENT && (name.raw() || !KEYWORDS.contains(name.text())
                || List.of("self", "Self", "super", "crate").contains(name.text()));
        if (!ok) throw error(name.span(), "expected identifier, found " + name);
        next();
        List<Path.GenericArg> args = List.of();
        if (mode == PathMode.TYPE && (atPunct("<") || atPunct("<<")) && !atPunct("<=")) {
            args = genericArgs();
        } else if (mode == PathMode.TYPE && at(TokenKind.OPEN_PAREN)) {
            args = fnSugar();
        }
        return new Path.Segment(name.text(), args, name.span());
    }

    // GenericArgs := "<" (GenericArg ("," GenericArg)* ","?)? ">"
    protected List<Path.GenericArg> genericArgs() {
        splitIfStartsWith("<");
        expectPunct("<");
        List<Path.GenericArg> args = new ArrayList<>();
        while (!atPunct(">") && !splitIfStartsWith(">")) {
            args.add(genericArg());
            if (!eatPunct(",")) break;
        }
        expectPunct(">");
        return args;
    }

    // GenericArg := LIFETIME | Type | IDENT "=" Type | Literal | "-" Literal | Block
    private Path.GenericArg genericArg() {
        FragmentKind f = atFragment();
        if (f == FragmentKind.EXPR || f == FragmentKind.EXPR_2021 || f == FragmentKind.LITERAL || f == FragmentKind.BLOCK)
            return new Path.GenericArg.Const(interpolatedExpr(next()));
        if (at(TokenKind.LIFETIME)) return new Path.GenericArg.Lifetime(next().text());
        if (atIdent() && peek(1).isPunct("=") ) {
            String name = next().text();
            next();
            return new Path.GenericArg.Binding(name, type());
        }
        if (at(TokenKind.OPEN_BRACE)) {
            Block b = block();
            return new Path.GenericArg.Const(new Expr.BlockExpr(b, b.span()));
        }
        if (atLiteral() || (atPunct("-") && isLiteral(peek(1)))) return new Path.GenericArg.Const(constArgLiteral());
        return new Path.GenericArg.Type(type());
    }

    /** A literal const argument, {@code 3} or {@code -1}: not an expression, so {@code S::<3> {..}} ends at `>`. */
    private Expr constArgLiteral() {
        Span start = peek().span();
        boolean negative = eatPunct("-");
        Token t = next();
        Expr lit = new Expr.Lit(literal(t), t.span());
        return negative ? new Expr.Unary(Expr.UnOp.NEG, lit, spanFrom(start)) : lit;
    }

    // FnSugar := "(" Types ")" ("->" Type)?   as in Fn(u32) -> u32
    private List<Path.GenericArg> fnSugar() {
        Span start = peek().span();
        next();
        List<TypeExpr> params = new ArrayList<>();
        while (!at(TokenKind.CLOSE_PAREN)) {
            params.add(type());
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        List<Path.GenericArg> args = new ArrayList<>();
        args.add(new Path.GenericArg.Type(new TypeExpr.Tuple(params, spanFrom(start))));
        if (eatPunct("->")) args.add(new Path.GenericArg.Binding("Output", type()));
        return args;
    }

    protected boolean atLiteral() { return isLiteral(peek()); }

    protected static boolean isLiteral(Token t) {
        return switch (t.kind()) {
            case INT, FLOAT, CHAR, BYTE, STR, BYTE_STR, C_STR -> true;
            case IDENT -> !t.raw() && (t.text().equals("true") || t.text().equals("false"));
            default -> false;
        };
    }

    protected Literal literal(Token t) {
        return switch (t.kind()) {
            case INT -> new Literal.Int((java.math.BigInteger) t.value(), t.suffix());
            case FLOAT -> new Literal.Float((String) t.value(), t.suffix());
            case CHAR -> new Literal.Char((Integer) t.value());
            case BYTE -> new Literal.Byte((Integer) t.value());
            case STR -> new Literal.Str((String) t.value());
            case BYTE_STR -> new Literal.ByteStr((byte[]) t.value());
            case C_STR -> new Literal.CStr((String) t.value());
            default -> new Literal.Bool(t.text().equals("true"));
        };
    }

    // ---- types ----

    // Type := "(" Types ")" | "!" | "_" | "&" LIFETIME? "mut"? Type | "*" ("const"|"mut") Type
    //       | "[" Type (";" Expr)? "]" | FnPtr | "impl" Bounds | "dyn" Bounds | Path | MacroCall
    protected TypeExpr type() {
        Token t = peek();
        Span start = t.span();
        if (atFragment() == FragmentKind.TY) return interpolatedType(next());
        if (at(TokenKind.OPEN_PAREN)) {
            next();
            List<TypeExpr> elems = new ArrayList<>();
            boolean comma = false;
            while (!at(TokenKind.CLOSE_PAREN)) {
                elems.add(type());
                comma = eatPunct(",");
                if (!comma) break;
            }
            expect(TokenKind.CLOSE_PAREN, "`)`");
            if (elems.size() == 1 && !comma) return elems.getFirst();
            return new TypeExpr.Tuple(elems, spanFrom(start));
        }
        if (eatPunct("!")) return new TypeExpr.Never(start);
        if (t.isKeyword("_") || (t.kind() == TokenKind.IDENT && t.text().equals("_"))) {
            next();
            return new TypeExpr.Infer(start);
        }
        if (atPunct("&") || atPunct("&&")) {
            splitIfStartsWith("&");
            next();
            String lifetime = at(TokenKind.LIFETIME) ? next().text() : null;
            boolean mut = eatKeyword("mut");
            return new TypeExpr.Ref(lifetime, mut, type(), spanFrom(start));
        }
        if (eatPunct("*")) {
            boolean mut;
            if (eatKeyword("mut")) mut = true;
            else if (eatKeyword("const")) mut = false;
            else throw error(peek().span(), "expected `mut` or `const` keyword in raw pointer type");
            return new TypeExpr.Ptr(mut, type(), spanFrom(start));
        }
        if (at(TokenKind.OPEN_BRACKET)) {
            next();
            TypeExpr elem = type();
            if (eatPunct(";")) {
                Expr len = expression();
                expect(TokenKind.CLOSE_BRACKET, "`]`");
                return new TypeExpr.Array(elem, len, spanFrom(start));
            }
            expect(TokenKind.CLOSE_BRACKET, "`]`");
            return new TypeExpr.Slice(elem, spanFrom(start));
        }
        if (atKeyword("fn") || atKeyword("unsafe") || atKeyword("extern") || atKeyword("for")) return fnPointer(start);
        if (eatKeyword("impl")) return new TypeExpr.ImplTrait(bounds(), spanFrom(start));
        if (eatKeyword("dyn")) return new TypeExpr.DynTrait(bounds(), spanFrom(start));
        if (atPathStart()) {
            Path p = path(PathMode.TYPE);
            if (atPunct("!")) {
                next();
                return typeMacro(p, start);
            }
            return new TypeExpr.PathType(p, p.span());
        }
        throw error(t.span(), "expected type, found " + t);
    }

    // FnPtr := ("for" "<" Lifetimes ">")? "unsafe"? ("extern" STR?)? "fn" "(" Types ")" ("->" Type)?
    private TypeExpr fnPointer(Span start) {
        if (eatKeyword("for")) genericParams();
        boolean unsafe = eatKeyword("unsafe");
        String abi = null;
        if (eatKeyword("extern")) abi = at(TokenKind.STR) ? (String) next().value() : "C";
        expectKeyword("fn");
        expect(TokenKind.OPEN_PAREN, "`(`");
        List<TypeExpr> params = new ArrayList<>();
        while (!at(TokenKind.CLOSE_PAREN)) {
            if (atIdent() && peek(1).isPunct(":") && !peek(1).isPunct("::")) {
                next();
                next();
            }
            params.add(type());
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        TypeExpr ret = eatPunct("->") ? type() : null;
        return new TypeExpr.FnPtr(params, ret, unsafe, abi, spanFrom(start));
    }

    // Bounds := Bound ("+" Bound)*;  Bound := "?"? ("for" "<"..">")? Path | LIFETIME | "(" Bound ")"
    protected List<Path> bounds() {
        List<Path> out = new ArrayList<>();
        do {
            if (at(TokenKind.LIFETIME)) {
                next();
                continue;
            }
            boolean paren = eat(TokenKind.OPEN_PAREN);
            boolean maybe = eatPunct("?");
            if (eatKeyword("for")) genericParams();
            Path p = path(PathMode.TYPE);
            if (!maybe) out.add(p);
            if (paren) expect(TokenKind.CLOSE_PAREN, "`)`");
        } while (eatPunct("+") && !atPunct("{") && !at(TokenKind.OPEN_BRACE) && !atPunct("=") && !atPunct(",") && !atPunct(">"));
        return out;
    }

    // ---- generics ----

    // Generics := "<" (GenericParam ("," GenericParam)* ","?)? ">"
    protected Generics genericParams() {
        if (!atPunct("<")) return Generics.NONE;
        Span start = next().span();
        List<Generics.Param> params = new ArrayList<>();
        while (!atPunct(">") && !splitIfStartsWith(">")) {
            skipOuterAttributes();
            Span ps = peek().span();
            if (at(TokenKind.LIFETIME)) {
                String name = next().text();
                if (eatPunct(":")) {
                    while (at(TokenKind.LIFETIME)) {
                        next();
                        if (!eatPunct("+")) break;
                    }
                }
                params.add(new Generics.Param.Lifetime(name, ps));
            } else if (eatKeyword("const")) {
                String name = expectIdent("const parameter name").text();
                expectPunct(":");
                TypeExpr t = type();
                if (eatPunct("=")) genericArg();
                params.add(new Generics.Param.Const(name, t, spanFrom(ps)));
            } else {
                String name = expectIdent("type parameter name").text();
                List<Path> bounds = eatPunct(":") && !atPunct(",") && !atPunct(">") ? bounds() : List.of();
                TypeExpr def = eatPunct("=") ? type() : null;
                params.add(new Generics.Param.Type(name, bounds, def, spanFrom(ps)));
            }
            if (!eatPunct(",")) break;
        }
        expectPunct(">");
        return new Generics(params, List.of(), spanFrom(start));
    }

    // WhereClause := "where" (Predicate ("," Predicate)* ","?)?
    protected Generics whereClause(Generics g) {
        if (!eatKeyword("where")) return g;
        List<Generics.WherePredicate> preds = new ArrayList<>();
        while (!at(TokenKind.OPEN_BRACE) && !atPunct(";") && !atEof()) {
            Span start = peek().span();
            if (at(TokenKind.LIFETIME)) {
                next();
                expectPunct(":");
                while (at(TokenKind.LIFETIME)) {
                    next();
                    if (!eatPunct("+")) break;
                }
            } else {
                if (eatKeyword("for")) genericParams();
                TypeExpr t = type();
                expectPunct(":");
                preds.add(new Generics.WherePredicate(t, bounds(), spanFrom(start)));
            }
            if (!eatPunct(",")) break;
        }
        return new Generics(g.params(), preds, g.span());
    }

    /** Outer attributes on generic parameters, fields and such, which rivet ignores. */
    protected void skipOuterAttributes() {
        while (atPunct("#") && peek(1).kind() == TokenKind.OPEN_BRACKET) {
            next();
            tokenTree();
        }
        while (at(TokenKind.DOC_OUTER)) next();
    }
}
