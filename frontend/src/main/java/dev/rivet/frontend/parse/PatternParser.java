package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Names;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Patterns, as in match arms, let statements, function parameters and for loops. */
abstract class PatternParser extends TypeParser {
    PatternParser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    /** After {@code path!} in pattern position. */
    abstract Pat patternMacro(Path path, Span start);

    /** An opaque macro fragment (a pattern, literal or expression) read back as a pattern. */
    abstract Pat interpolatedPattern(Token t);

    private boolean atPatternFragment() {
        FragmentKind f = atFragment();
        return f == FragmentKind.PAT || f == FragmentKind.PAT_PARAM || f == FragmentKind.LITERAL
                || f == FragmentKind.EXPR || f == FragmentKind.EXPR_2021;
    }

    // Pattern := "|"? PatternNoTopAlt ("|" PatternNoTopAlt)*
    protected Pat pattern() {
        Span start = peek().span();
        eatPunct("|");
        Pat first = patternNoAlt();
        if (!atPunct("|")) return first;
        List<Pat> alts = new ArrayList<>(List.of(first));
        while (atPunct("|") && !peek(1).isPunct("|")) {
            next();
            alts.add(patternNoAlt());
        }
        return new Pat.Or(alts, spanFrom(start));
    }

    // PatternNoTopAlt := RangePattern | PatternWithoutRange
    protected Pat patternNoAlt() {
        Span start = peek().span();
        if (atPunct("..=") || (atPunct("..") && !isPatternEnd(peek(1)))) {
            boolean inclusive = next().text().equals("..=");
            return new Pat.Range(null, rangeBound(), inclusive, spanFrom(start));
        }
        Pat p = primaryPattern();
        if (atPunct("..=") || atPunct("...")) {
            next();
            return new Pat.Range(p, rangeBound(), true, spanFrom(start));
        }
        if (atPunct("..") && (p instanceof Pat.Lit || p instanceof Pat.PathPat)) {
            next();
            Pat high = isPatternEnd(peek()) ? null : rangeBound();
            return new Pat.Range(p, high, false, spanFrom(start));
        }
        return p;
    }

    private static boolean isPatternEnd(Token t) {
        return t.isPunct(",") || t.isPunct("=>") || t.isPunct("|") || t.isPunct("=") || t.isPunct(":")
                || t.kind() == TokenKind.CLOSE_PAREN || t.kind() == TokenKind.CLOSE_BRACKET
                || t.isKeyword("if") || t.kind() == TokenKind.CLOSE_BRACE;
    }

    // RangeBound := "-"? Literal | Path
    private Pat rangeBound() {
        Span start = peek().span();
        if (atPatternFragment()) return interpolatedPattern(next());
        if (atPunct("-") || atLiteral()) return literalPattern(start);
        if (atPathStart()) {
            Path p = path(PathMode.EXPR);
            return new Pat.PathPat(p, p.span());
        }
        throw error(peek().span(), "expected a range end, found " + peek());
    }

    private Pat literalPattern(Span start) {
        boolean neg = eatPunct("-");
        if (!atLiteral()) throw error(peek().span(), "expected literal after `-` in pattern");
        Literal lit = literal(next());
        return new Pat.Lit(lit, neg, spanFrom(start));
    }

    // PatternWithoutRange := "_" | ".." | Literal | "&" "mut"? Pattern | "(" Patterns ")" | "[" Patterns "]"
    //                      | "ref"? "mut"? IDENT ("@" Pattern)? | Path ("(" .. ")" | "{" .. "}")? | MacroCall
    private Pat primaryPattern() {
        Token t = peek();
        Span start = t.span();
        if (atPatternFragment()) return interpolatedPattern(next());
        if (t.kind() == TokenKind.IDENT && t.text().equals("_") && !t.raw()) {
            next();
            return new Pat.Wild(start);
        }
        if (atPunct("..")) {
            next();
            return new Pat.Rest(start);
        }
        if (atPunct("-") || atLiteral()) return literalPattern(start);
        if (atPunct("&") || atPunct("&&")) {
            splitIfStartsWith("&");
            next();
            boolean mut = eatKeyword("mut");
            return new Pat.Ref(mut, patternNoAlt(), spanFrom(start));
        }
        if (at(TokenKind.OPEN_PAREN)) {
            next();
            List<Pat> elems = new ArrayList<>();
            boolean comma = false;
            while (!at(TokenKind.CLOSE_PAREN)) {
                elems.add(pattern());
                comma = eatPunct(",");
                if (!comma) break;
            }
            expect(TokenKind.CLOSE_PAREN, "`)`");
            if (elems.size() == 1 && !comma && !(elems.getFirst() instanceof Pat.Rest)) return elems.getFirst();
            return new Pat.Tuple(elems, spanFrom(start));
        }
        if (at(TokenKind.OPEN_BRACKET)) {
            next();
            List<Pat> elems = new ArrayList<>();
            while (!at(TokenKind.CLOSE_BRACKET)) {
                elems.add(pattern());
                if (!eatPunct(",")) break;
            }
            expect(TokenKind.CLOSE_BRACKET, "`]`");
            return new Pat.Slice(elems, spanFrom(start));
        }
        if (atKeyword("ref") || atKeyword("mut") || (atIdent() && !peek(1).isPunct("::")
                && peek(1).kind() != TokenKind.OPEN_PAREN && peek(1).kind() != TokenKind.OPEN_BRACE && !peek(1).isPunct("!"))) {
            return bindingPattern(start);
        }
        if (atPathStart()) return pathPattern(start);
        throw error(t.span(), "expected pattern, found " + t);
    }

    private Pat bindingPattern(Span start) {
        boolean byRef = eatKeyword("ref");
        boolean mut = eatKeyword("mut");
        Token name = expectIdent("identifier");
        Pat sub = eatPunct("@") ? patternNoAlt() : null;
        return new Pat.Ident(hygienic(name), byRef, mut, sub, spanFrom(start));
    }

    private Pat pathPattern(Span start) {
        Path path = path(PathMode.EXPR);
        if (atPunct("!")) {
            next();
            return patternMacro(path, start);
        }
        if (at(TokenKind.OPEN_PAREN)) {
            next();
            List<Pat> elems = new ArrayList<>();
            while (!at(TokenKind.CLOSE_PAREN)) {
                elems.add(pattern());
                if (!eatPunct(",")) break;
            }
            expect(TokenKind.CLOSE_PAREN, "`)`");
            return new Pat.TupleStruct(path, elems, spanFrom(start));
        }
        if (at(TokenKind.OPEN_BRACE)) return structPattern(path, start);
        return new Pat.PathPat(path, spanFrom(start));
    }

    // StructPattern := Path "{" (FieldPattern ("," FieldPattern)*)? (",")? ".."? "}"
    private Pat structPattern(Path path, Span start) {
        next();
        List<Pat.FieldPat> fields = new ArrayList<>();
        boolean rest = false;
        while (!at(TokenKind.CLOSE_BRACE)) {
            skipOuterAttributes();
            Span fs = peek().span();
            if (eatPunct("..")) {
                rest = true;
                break;
            }
            if (at(TokenKind.INT) && peek(1).isPunct(":")) {
                String index = next().text();
                next();
                fields.add(new Pat.FieldPat(index, pattern(), spanFrom(fs)));
            } else if (atIdent() && peek(1).isPunct(":")) {
                String name = next().text();
                next();
                fields.add(new Pat.FieldPat(name, pattern(), spanFrom(fs)));
            } else {
                boolean byRef = eatKeyword("ref");
                boolean mut = eatKeyword("mut");
                Token name = expectIdent("field name");
                fields.add(new Pat.FieldPat(name.text(), new Pat.Ident(hygienic(name), byRef, mut, null,
                        spanFrom(fs)), spanFrom(fs)));
            }
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Pat.Struct(path, fields, rest, spanFrom(start));
    }
}
