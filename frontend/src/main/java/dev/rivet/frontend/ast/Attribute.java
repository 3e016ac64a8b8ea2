package dev.rivet.frontend.ast;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.lex.Token;
import java.util.List;

/**
 * An attribute, {@code #[path]}, {@code #[path = literal]} or {@code #[path(tokens)]};
 * {@code inner} for {@code #![...]}. The arguments are kept as tokens and interpreted by the
 * stage that cares (repr, inline, link_section, should_panic, ...).
 */
public record Attribute(boolean inner, String name, List<Token> args, Span span) {
    /** The literal of {@code #[name = "..."]}, or null. */
    public String stringValue() {
        if (args.size() == 2 && args.get(0).isPunct("=") && args.get(1).value() instanceof String s) return s;
        return null;
    }

    /** The identifiers inside {@code #[name(a, b)]}. */
    public List<String> words() {
        return args.stream().filter(t -> t.kind() == dev.rivet.frontend.lex.TokenKind.IDENT).map(Token::text).toList();
    }

    public static boolean has(List<Attribute> attrs, String name) {
        return attrs.stream().anyMatch(a -> a.name().equals(name));
    }

    public static Attribute find(List<Attribute> attrs, String name) {
        return attrs.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
