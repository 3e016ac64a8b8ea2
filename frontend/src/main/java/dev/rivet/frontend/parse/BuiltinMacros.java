package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Names;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The macros the compiler provides. Those that only need the compiler's knowledge at parse time
 * become literals here, as rustc's do: {@code concat!}, {@code stringify!}, {@code line!},
 * {@code column!}, {@code file!} (of the outermost invocation, for code from a macro body),
 * {@code module_path!}, {@code include_str!}/{@code include_bytes!} (paths relative to the file
 * of the invocation), {@code cfg!}. {@code compile_error!} reports its message; {@code env!}
 * is an error (rivet builds do not depend on the environment) and {@code option_env!} is
 * {@code None}. The formatting, assertion and panic macros keep their parsed arguments as an
 * {@link Expr.Macro} for the type checker and lowering; {@code debug_assert!} and friends are
 * checked but not run, as in rustc's builds without debug assertions.
 */
final class BuiltinMacros {
    /** Macros whose arguments are expressions the type checker and lowering understand. */
    private static final Set<String> CHECKED = Set.of("print", "println", "eprint", "eprintln", "panic", "assert",
            "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne", "unreachable", "todo",
            "unimplemented", "write", "writeln", "format", "format_args", "matches", "addr_of", "addr_of_mut");
    private static final Set<String> AT_PARSE_TIME = Set.of("concat", "stringify", "line", "column", "file", "module_path",
            "include_str", "include_bytes", "compile_error", "cfg", "env", "option_env");
    /** Where each formatting macro has its format string. */
    private static final Map<String, Integer> FORMAT_ARGUMENT = Map.ofEntries(Map.entry("print", 0), Map.entry("println", 0),
            Map.entry("eprint", 0), Map.entry("eprintln", 0), Map.entry("format", 0), Map.entry("format_args", 0),
            Map.entry("panic", 0), Map.entry("unreachable", 0), Map.entry("todo", 0), Map.entry("unimplemented", 0),
            Map.entry("assert", 1), Map.entry("debug_assert", 1), Map.entry("write", 1), Map.entry("writeln", 1),
            Map.entry("assert_eq", 2), Map.entry("assert_ne", 2), Map.entry("debug_assert_eq", 2), Map.entry("debug_assert_ne", 2));

    private BuiltinMacros() {}

    static boolean isBuiltin(String name) { return CHECKED.contains(name) || AT_PARSE_TIME.contains(name); }

    /** A built-in macro in expression position. */
    static Expr expression(Parser p, String name, Invocations.Call c) {
        Span at = c.span();
        return switch (name) {
            case "stringify" -> string(TokenPrinter.print(c.args()), at);
            case "line" -> new Expr.Lit(new Literal.Int(BigInteger.valueOf(at.sourceCallSite().line()), "u32"), at);
            case "column" -> new Expr.Lit(new Literal.Int(BigInteger.valueOf(at.sourceCallSite().column()), "u32"), at);
            case "file" -> string(at.sourceCallSite().file().name(), at);
            case "module_path" -> string(p.macros.crateName + String.join("", p.modulePath.stream().map(m -> "::" + m).toList()), at);
            case "concat" -> concat(p, c);
            case "include_str", "include_bytes" -> include(p, name, c);
            case "cfg" -> new Expr.Lit(new Literal.Bool(p.cfg.test(flatten(c.args()))), at);
            case "compile_error" -> throw compileError(p, c);
            case "env" -> throw env(p, c);
            case "option_env" -> optionEnv(p, c);
            default -> checked(p, name, c);
        };
    }

    /** A built-in macro in item position: only {@code compile_error!} means something there. */
    static void item(Parser p, String name, Invocations.Call c) {
        if (name.equals("compile_error")) compileError(p, c);
        else p.error(c.span(), "macro `" + name + "!` cannot be used in item position");
    }

    private static Expr string(String s, Span at) { return new Expr.Lit(new Literal.Str(s), at); }

    private static List<Token> flatten(List<Token> toks) {
        List<Token> out = new ArrayList<>();
        for (Token t : toks) {
            if (t.kind() == TokenKind.INTERPOLATED) out.addAll(flatten(((Fragments.Fragment) t.value()).tokens()));
            else out.add(t);
        }
        return out;
    }

    /** The comma-separated expressions of a call (macros in them expanded). */
    private static List<Expr> arguments(Parser p, Invocations.Call c) {
        Parser args = p.argumentParser(c.args(), c.close());
        List<Expr> out = new ArrayList<>();
        while (!args.atEof()) {
            out.add(args.expression());
            if (!args.eatPunct(",")) break;
        }
        if (!args.atEof()) throw args.error(args.peek().span(), "expected `,`, found " + args.peek());
        return out;
    }

    private static Expr concat(Parser p, Invocations.Call c) {
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        for (Expr e : arguments(p, c)) {
            String piece = literalText(e);
            if (piece == null) {
                ok = false;
                p.diags.add(Diagnostic.error(e.span(), e instanceof Expr.Lit ? "cannot concatenate a byte string literal"
                        : "expected a literal").withNote("only literals (like `\"foo\"`, `-42` and `3.14`) can be passed to `concat!()`"));
            } else {
                sb.append(piece);
            }
        }
        if (!ok) throw new ParserBase.ParseError();
        return string(sb.toString(), c.span());
    }

    /** A literal as {@code concat!} spells it, or null when it is no literal or a byte (string) one. */
    private static String literalText(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == Expr.UnOp.NEG && u.operand() instanceof Expr.Lit l
                && (l.value() instanceof Literal.Int || l.value() instanceof Literal.Float)) return "-" + literalText(l);
        if (!(e instanceof Expr.Lit l)) return null;
        return switch (l.value()) {
            case Literal.Str s -> s.value();
            case Literal.Char ch -> new String(Character.toChars(ch.codePoint()));
            case Literal.Int i -> i.value().toString();
            case Literal.Float f -> f.text();
            case Literal.Bool b -> String.valueOf(b.value());
            default -> null;
        };
    }

    private static Expr include(Parser p, String name, Invocations.Call c) {
        List<Expr> args = arguments(p, c);
        if (args.size() != 1 || !(args.getFirst() instanceof Expr.Lit l && l.value() instanceof Literal.Str s))
            throw p.error(c.span(), "`" + name + "!` takes 1 argument: a string literal");
        java.nio.file.Path file = p.macros.directoryOf(c.span().sourceCallSite().file()).resolve(s.value());
        try {
            Literal lit = name.equals("include_str") ? new Literal.Str(Files.readString(file))
                    : new Literal.ByteStr(Files.readAllBytes(file));
            return new Expr.Lit(lit, c.span());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw p.error(args.getFirst().span(), "couldn't read `" + file + "`: " + (Files.exists(file) ? "not valid UTF-8"
                    : "No such file or directory (os error 2)"));
        }
    }

    private static ParserBase.ParseError compileError(Parser p, Invocations.Call c) {
        List<Expr> args = arguments(p, c);
        if (args.size() == 1 && args.getFirst() instanceof Expr.Lit l && l.value() instanceof Literal.Str s)
            return p.error(c.span(), s.value());
        return p.error(c.span(), "`compile_error!` takes 1 argument");
    }

    private static ParserBase.ParseError env(Parser p, Invocations.Call c) {
        List<Expr> args = arguments(p, c);
        String var = !args.isEmpty() && args.getFirst() instanceof Expr.Lit l && l.value() instanceof Literal.Str s ? s.value() : "?";
        p.diags.add(Diagnostic.error(c.span(), "environment variable `" + var + "` not defined at compile time")
                .withHelp("rivet builds do not depend on the environment: use a `const`, or `option_env!` for an optional value"));
        return new ParserBase.ParseError();
    }

    /** {@code option_env!("X")}: rivet builds see no environment, so always {@code None}. */
    private static Expr optionEnv(Parser p, Invocations.Call c) {
        arguments(p, c);
        List<Token> none = new ArrayList<>();
        for (Token t : dev.rivet.frontend.lex.Lexer.lex(new dev.rivet.frontend.SourceFile("option_env",
                "::core::option::Option::None::<&'static str>"), p.diags)) {
            if (t.kind() != TokenKind.EOF) none.add(t.withSpan(c.span()));
        }
        return p.argumentParser(none, c.close()).expression();
    }

    /** A macro the type checker understands: its arguments, parsed. */
    private static Expr checked(Parser p, String name, Invocations.Call c) {
        Parser args = p.argumentParser(c.args(), c.close());
        Span nameSpan = c.path().span();
        try {
            if (name.equals("matches")) return args.matchesArgs(name, nameSpan, c.span());
            if (name.equals("addr_of") || name.equals("addr_of_mut")) { // core::ptr::addr_of!(place) is &raw const place
                Expr place = args.expression();
                args.eatPunct(",");
                if (!args.atEof()) throw args.error(args.peek().span(), "expected one place expression in `" + name + "!`");
                return new Expr.AddrOf(name.equals("addr_of_mut"), true, place, c.span());
            }
            List<Expr> list = new ArrayList<>();
            Token format = null;
            Integer formatIndex = FORMAT_ARGUMENT.get(name);
            while (!args.atEof()) {
                if (formatIndex != null && list.size() == formatIndex) format = args.peek();
                list.add(unmarkedName(args.expression()));
                if (!args.eatPunct(",")) break;
            }
            if (!args.atEof()) throw args.error(args.peek().span(), "expected `,` in macro arguments, found " + args.peek());
            if (format != null) implicitCaptures(p, list, format);
            return new Expr.Macro(name, list, null, null, nameSpan, c.span());
        } catch (ParserBase.ParseError e) {
            return new Expr.MacroCall(c.path(), List.of(), c.span());
        }
    }

    /** {@code name = value} names a format argument: the name is not a local, so it carries no hygiene mark. */
    private static Expr unmarkedName(Expr e) {
        if (e instanceof Expr.Assign a && a.target() instanceof Expr.PathExpr t && t.path().isSingle() && !t.path().last().equals(Names.base(t.path().last())))
            return new Expr.Assign(new Expr.PathExpr(Path.single(Names.base(t.path().last()), t.span()), t.span()), a.value(), a.span());
        return e;
    }

    /**
     * A format string written in a macro body captures the body's locals ({@code "{x}"} sees the
     * {@code x} of that expansion, not the caller's): its implicit arguments become named
     * arguments whose values carry the string's hygiene mark.
     */
    private static void implicitCaptures(Parser p, List<Expr> args, Token format) {
        while (format.kind() == TokenKind.INTERPOLATED) format = ((Fragments.Fragment) format.value()).tokens().getFirst();
        if (format.kind() != TokenKind.STR || format.ctx() == 0) return;
        String suffix = p.macros.hygiene.suffix(format.ctx());
        Set<String> given = new LinkedHashSet<>();
        for (Expr a : args)
            if (a instanceof Expr.Assign as && as.target() instanceof Expr.PathExpr t && t.path().isSingle()) given.add(t.path().last());
        for (String name : implicitNames((String) format.value())) {
            if (!given.add(name)) continue;
            Span s = format.span();
            args.add(new Expr.Assign(new Expr.PathExpr(Path.single(name, s), s),
                    new Expr.PathExpr(Path.single(Names.marked(name, suffix), s), s), s));
        }
    }

    /** The names a format string refers to by themselves: {@code {x}}, {@code {x:?}}, {@code {:w$}}. */
    static List<String> implicitNames(String format) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '{') continue;
            if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
                i++;
                continue;
            }
            int close = format.indexOf('}', i);
            if (close < 0) return names;
            String inside = format.substring(i + 1, close);
            int colon = inside.indexOf(':');
            identifier(colon < 0 ? inside : inside.substring(0, colon), names);
            if (colon >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\p{L}_][\\p{L}\\p{N}_]*)\\$").matcher(inside.substring(colon));
                while (m.find()) identifier(m.group(1), names);
            }
            i = close;
        }
        return names;
    }

    private static void identifier(String s, List<String> into) {
        if (!s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                && !s.equals("_")) into.add(s);
    }
}
