package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Names;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Token-stream plumbing shared by the parser layers (types, patterns, expressions, items):
 * lookahead, expectations with rustc-like messages, splitting of compound punctuation where the
 * grammar needs one half ({@code >>} closing two generic lists, {@code &&} as two borrows,
 * {@code ||} as an empty closure parameter list), and error recovery.
 */
abstract class ParserBase {
    /** The configuration that decides which {@code #[cfg]}-attributed items exist. */
    Cfg cfg = Cfg.NONE;
    /** The crate's macros: textual scope, definitions, expansion (shared by every parser of a crate). */
    MacroExpander macros;
    /**
     * Skim mode: parse only to find where a construct ends (a macro fragment being matched, code
     * that {@code #[cfg]} switches off). No macro is expanded or defined, no file is read.
     */
    boolean skim;
    /** Where the files of {@code mod name;} declared in the current module are looked for. */
    java.nio.file.Path moduleDir;
    /** The labels of the loops and blocks being parsed, innermost last (shared with sub-parsers). */
    List<String> labels = new java.util.ArrayList<>();
    /** The current module's path below the crate root ({@code module_path!}, root-only lookups). */
    List<String> modulePath = List.of();

    /** Thrown to unwind to the nearest recovery point; the error is already reported. */
    static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    static final Set<String> KEYWORDS = Set.of("as", "break", "const", "continue", "crate", "else", "enum", "extern",
            "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
            "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
            "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
            "typeof", "unsized", "virtual", "yield", "try");

    protected final List<Token> tokens;
    protected final Diagnostics diags;
    protected int pos;

    ParserBase(List<Token> tokens, Diagnostics diags) {
        this.tokens = new ArrayList<>(tokens);
        this.diags = diags;
    }

    protected Token peek() { return tokens.get(pos); }

    protected Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    protected Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) pos++;
        return t;
    }

    protected Token previous() { return tokens.get(Math.max(0, pos - 1)); }

    protected boolean at(TokenKind k) { return peek().kind() == k; }

    protected boolean atPunct(String p) { return peek().isPunct(p); }

    protected boolean atKeyword(String k) { return peek().isKeyword(k); }

    protected boolean atEof() { return at(TokenKind.EOF); }

    /** The kind of the opaque macro fragment at the current position, or null. */
    protected FragmentKind atFragment() {
        return peek().kind() == TokenKind.INTERPOLATED ? ((Fragments.Fragment) peek().value()).kind() : null;
    }

    protected boolean eatPunct(String p) {
        if (atPunct(p)) {
            next();
            return true;
        }
        if (p.length() == 1 && splitIfStartsWith(p)) {
            next();
            return true;
        }
        return false;
    }

    protected boolean eatKeyword(String k) {
        if (!atKeyword(k)) return false;
        next();
        return true;
    }

    protected boolean eat(TokenKind k) {
        if (!at(k)) return false;
        next();
        return true;
    }

    /**
     * If the current token is compound punctuation starting with {@code first} ({@code >>} when
     * a {@code >} is wanted), splits it in two so the first part can be consumed.
     */
    protected boolean splitIfStartsWith(String first) {
        Token t = peek();
        if (t.kind() != TokenKind.PUNCT || t.text().length() < 2 || !t.text().startsWith(first)) return false;
        Span s = t.span();
        Token head = new Token(TokenKind.PUNCT, first, new Span(s.file(), s.start(), s.start() + first.length(), s.expansion()),
                null, "", false, true, t.ctx());
        Token tail = new Token(TokenKind.PUNCT, t.text().substring(first.length()),
                new Span(s.file(), s.start() + first.length(), s.end(), s.expansion()), null, "", false, t.joint(), t.ctx());
        tokens.set(pos, head);
        tokens.add(pos + 1, tail);
        return true;
    }

    protected Token expectPunct(String p) {
        if (eatPunct(p)) return previous();
        throw error(peek().span(), "expected `" + p + "`, found " + peek());
    }

    protected Token expect(TokenKind k, String what) {
        if (at(k)) return next();
        throw error(peek().span(), "expected " + what + ", found " + peek());
    }

    protected Token expectKeyword(String k) {
        if (atKeyword(k)) return next();
        throw error(peek().span(), "expected `" + k + "`, found " + peek());
    }

    /** An identifier that is not a reserved keyword (raw identifiers always qualify). */
    protected boolean atIdent() {
        Token t = peek();
        return t.kind() == TokenKind.IDENT && (t.raw() || !KEYWORDS.contains(t.text()));
    }

    /** The name of a local or label as written by {@code t}, with the hygiene marks of its macro expansion. */
    protected String hygienic(Token t) {
        return t.ctx() == 0 ? t.text() : Names.marked(t.text(), macros.hygiene.suffix(t.ctx()));
    }

    protected Token expectIdent(String what) {
        if (atIdent()) return next();
        Token t = peek();
        if (t.kind() == TokenKind.IDENT)
            throw error(t.span(), "expected " + what + ", found keyword `" + t.text() + "`");
        throw error(t.span(), "expected " + what + ", found " + t);
    }

    protected ParseError error(Span span, String message) {
        diags.error(span, message);
        return new ParseError();
    }

    /** From {@code start} to the end of the last token, when both come from the same place (else {@code start}). */
    protected Span spanFrom(Span start) {
        Span prev = previous().span();
        if (prev.file() != start.file() || !java.util.Objects.equals(prev.expansion(), start.expansion())) return start;
        return new Span(start.file(), start.start(), Math.max(start.end(), prev.end()), start.expansion());
    }

    /** Collects a delimited token tree, the delimiters excluded; the current token must open it. */
    protected List<Token> tokenTree() {
        Token open = next();
        TokenKind close = switch (open.kind()) {
            case OPEN_PAREN -> TokenKind.CLOSE_PAREN;
            case OPEN_BRACKET -> TokenKind.CLOSE_BRACKET;
            case OPEN_BRACE -> TokenKind.CLOSE_BRACE;
            default -> throw error(open.span(), "expected one of `(`, `[`, or `{`, found " + open);
        };
        List<Token> inner = new ArrayList<>();
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) throw error(open.span(), "unclosed delimiter");
            if (depth == 0 && t.kind() == close) {
                next();
                return inner;
            }
            switch (t.kind()) {
                case OPEN_PAREN, OPEN_BRACKET, OPEN_BRACE -> depth++;
                case CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE -> depth--;
                default -> { }
            }
            if (depth < 0) throw error(t.span(), "mismatched closing delimiter: " + t);
            inner.add(next());
        }
    }

    /** Skips tokens up to and including the next {@code ;} at this nesting level, or up to a closing brace. */
    protected void recoverToStatementEnd() {
        int depth = 0;
        while (!atEof()) {
            Token t = peek();
            switch (t.kind()) {
                case OPEN_PAREN, OPEN_BRACKET, OPEN_BRACE -> depth++;
                case CLOSE_PAREN, CLOSE_BRACKET -> depth = Math.max(0, depth - 1);
                case CLOSE_BRACE -> {
                    if (depth == 0) return;
                    depth--;
                    if (depth == 0) {
                        next();
                        return;
                    }
                }
                default -> {
                    if (depth == 0 && t.isPunct(";")) {
                        next();
                        return;
                    }
                }
            }
            next();
        }
    }
}
