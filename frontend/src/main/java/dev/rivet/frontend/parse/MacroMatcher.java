package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import dev.rivet.frontend.parse.Fragments.Fragment;
import dev.rivet.frontend.parse.MacroDef.MatcherLoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a macro invocation's tokens against one rule's flattened matcher, the way rustc's
 * macro parser does: a set of matcher positions advances over the input one token at a time
 * (a nondeterministic automaton, with sequences entered, skipped, repeated or left as the
 * tokens allow). When no position can take the next token as a plain token and exactly one
 * wants a metavariable, the real parser parses that fragment; a token that both a plain token
 * and a fragment (or two fragments) could take is a "local ambiguity" error, since there is no
 * lookahead. The match succeeds when exactly one position reaches the matcher's end with the
 * input.
 *
 * <p>Bindings are recorded as a persistent list of events (metavariable number, repetition
 * depth, fragment or "a new sequence starts"), so forking a position costs nothing; the
 * winner's events are replayed once into the binding tree. Each step costs the number of live
 * positions, so a match is linear in the input for a fixed matcher.
 */
final class MacroMatcher {
    /** A metavariable's binding: one fragment, or a sequence of bindings (one per repetition). */
    sealed interface Binding {
        record One(Fragment fragment) implements Binding {}

        record Seq(List<Binding> items) implements Binding {}
    }

    sealed interface Result {
        record Success(Map<String, Binding> bindings) implements Result {}

        /** No rule could take {@code token} (at {@code position}); {@code atEnd} when the input ended too soon. */
        record Failure(int position, Token token, boolean atEnd) implements Result {}

        /** An error was reported (a fragment did not parse, an ambiguity): no further rule is tried. */
        record Error() implements Result {}
    }

    /** Where a rule's match failed, for the "while trying to match" note (rustc's tracker, shared by all rules of one call). */
    static final class Tracker {
        MatcherLoc remaining;

        void before(MatcherLoc loc, int left) {
            if (remaining == null || (left <= 1 && !(loc instanceof MatcherLoc.Eof))) remaining = loc;
        }
    }

    private record Event(int metavar, int depth, Fragment fragment, Event previous) {}

    private record Pos(int idx, Event events) {}

    private MacroMatcher() {}

    static Result match(MacroDef.Rule rule, Parser p, String macroName, Tracker track, Diagnostics diags) {
        List<MatcherLoc> m = rule.matcher();
        List<Pos> cur = new ArrayList<>(List.of(new Pos(0, null)));
        List<Pos> next = new ArrayList<>(), bb = new ArrayList<>();
        while (true) {
            next.clear();
            bb.clear();
            Token token = p.peek();
            List<Pos> eof = new ArrayList<>(1);
            while (!cur.isEmpty()) {
                Pos mp = cur.removeLast();
                MatcherLoc loc = m.get(mp.idx());
                track.before(loc, cur.size());
                step(mp, loc, token, cur, next, bb, eof);
            }
            if (token.kind() == TokenKind.EOF) {
                if (eof.size() == 1) return new Result.Success(bindings(eof.getFirst().events(), rule.metavarNames()));
                if (eof.size() > 1) {
                    diags.error(token.span(), "ambiguity: multiple successful parses");
                    return new Result.Error();
                }
                return new Result.Failure(p.pos, token, true);
            }
            if (next.isEmpty() && bb.isEmpty()) return new Result.Failure(p.pos, token, false);
            if (bb.isEmpty()) {
                cur.addAll(next);
                p.next();
            } else if (next.isEmpty() && bb.size() == 1) {
                Pos mp = bb.getFirst();
                MatcherLoc.MetaVarDecl d = (MatcherLoc.MetaVarDecl) m.get(mp.idx());
                Fragment f;
                try {
                    f = Fragments.parse(p, d.kind());
                } catch (ParserBase.ParseError e) {
                    return new Result.Error();
                }
                cur.add(new Pos(mp.idx() + 1, new Event(d.nextMetavar(), d.depth(), f, mp.events())));
            } else {
                ambiguity(m, bb, next.size(), token, macroName, diags);
                return new Result.Error();
            }
        }
    }

    private static void step(Pos mp, MatcherLoc loc, Token token, List<Pos> cur, List<Pos> next, List<Pos> bb, List<Pos> eof) {
        switch (loc) {
            case MatcherLoc.Tok t -> {
                if (sameToken(t.token(), token)) next.add(new Pos(mp.idx() + 1, mp.events()));
            }
            case MatcherLoc.Sequence s -> {
                Event ev = mp.events();
                for (int v = s.nextMetavar(); v < s.nextMetavar() + s.numMetavars(); v++) ev = new Event(v, s.depth(), null, ev);
                if (s.op() != '+') cur.add(new Pos(s.idxFirstAfter(), ev));
                cur.add(new Pos(mp.idx() + 1, ev));
            }
            case MatcherLoc.KleeneNoSep k -> {
                cur.add(new Pos(mp.idx() + 1, mp.events()));
                if (k.op() != '?') cur.add(new Pos(k.idxFirst(), mp.events()));
            }
            case MatcherLoc.Sep s -> {
                cur.add(new Pos(mp.idx() + 2, mp.events()));
                if (sameToken(s.separator(), token)) next.add(new Pos(mp.idx() + 1, mp.events()));
            }
            case MatcherLoc.KleeneAfterSep k -> cur.add(new Pos(k.idxFirst(), mp.events()));
            case MatcherLoc.MetaVarDecl d -> {
                if (d.kind() != null && Fragments.mayBegin(d.kind(), token)) bb.add(mp);
            }
            case MatcherLoc.Eof e -> {
                if (token.kind() == TokenKind.EOF) eof.add(mp);
            }
        }
    }

    /**
     * Token equality of macro matching: same kind and spelling (identifiers also by rawness);
     * a substituted opaque fragment equals nothing, and hygiene contexts do not matter.
     */
    static boolean sameToken(Token pattern, Token input) {
        if (pattern.kind() != input.kind() || input.kind() == TokenKind.INTERPOLATED) return false;
        if (input.kind() == TokenKind.IDENT) return pattern.text().equals(input.text()) && pattern.raw() == input.raw();
        return pattern.text().equals(input.text());
    }

    private static void ambiguity(List<MatcherLoc> m, List<Pos> bb, int others, Token token, String macroName, Diagnostics diags) {
        List<String> nts = new ArrayList<>();
        for (Pos mp : bb) {
            MatcherLoc.MetaVarDecl d = (MatcherLoc.MetaVarDecl) m.get(mp.idx());
            nts.add(d.kind().spelling + " ('" + d.name() + "')");
        }
        String options = String.join(" or ", nts);
        diags.error(token.span(), "local ambiguity when calling macro `" + macroName + "`: multiple parsing options: "
                + (others == 0 ? "built-in NTs " + options + "." : "built-in NTs " + options + " or " + others + " other option"
                + (others == 1 ? "" : "s") + "."));
    }

    /** Replays the winning position's events into binding trees, by metavariable name. */
    private static Map<String, Binding> bindings(Event last, List<String> names) {
        List<Event> events = new ArrayList<>();
        for (Event e = last; e != null; e = e.previous()) events.add(e);
        Binding[] top = new Binding[names.size()];
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            Binding b = e.fragment() == null ? new Binding.Seq(new ArrayList<>()) : new Binding.One(e.fragment());
            if (e.depth() == 0) {
                top[e.metavar()] = b;
                continue;
            }
            Binding at = top[e.metavar()];
            for (int d = 1; d < e.depth(); d++) at = ((Binding.Seq) at).items().getLast();
            ((Binding.Seq) at).items().add(b);
        }
        Map<String, Binding> out = new HashMap<>();
        for (int i = 0; i < top.length; i++) if (top[i] != null) out.put(names.get(i), top[i]);
        return out;
    }
}
