package dev.rivet.frontend.parse;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Generics;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Items: functions, structs, enums, unions, traits, impls, modules, uses, consts, statics, aliases, macros. */
abstract class ItemParser extends ExprParser {
    ItemParser(List<Token> tokens, Diagnostics diags) {
        super(tokens, diags);
    }

    /** A macro invocation in item position ({@code path ! tokens}); its items go to {@code into}. */
    abstract void itemMacro(List<Attribute> attrs, Span start, List<Item> into);

    /** An opaque {@code item} fragment read back (a macro invocation there may give several items). */
    abstract void interpolatedItems(Token t, List<Item> into);

    /** Loads and parses the file of {@code mod name;} here, in the current macro scope. */
    abstract void moduleFile(Item.Mod decl);

    /** Makes a {@code macro_rules!} definition visible from here on. */
    abstract void defineMacro(Item.MacroRules def);

    /** Inner attributes that concern macro expansion ({@code #![recursion_limit = "N"]}). */
    abstract void innerAttribute(Attribute a);

    /** Items that derives and other attributes of {@code item} add after it. */
    abstract void afterItem(Item item, List<Item> into);

    // Items := (InnerAttribute | Item)*   up to "}" or end of file; errors recover at the next item
    protected List<Item> items(List<Attribute> innerInto) {
        List<Item> items = new ArrayList<>();
        while (!atEof() && !at(TokenKind.CLOSE_BRACE)) {
            if (atPunct("#") && peek(1).isPunct("!")) {
                int before = pos;
                try {
                    Attribute a = attribute();
                    innerInto.add(a);
                    innerAttribute(a);
                } catch (ParseError e) {
                    if (pos == before) next();
                    recoverToItem();
                }
                continue;
            }
            if (at(TokenKind.DOC_INNER)) {
                next();
                continue;
            }
            int before = pos;
            boolean skimming = skim;
            try {
                Span start = peek().span();
                List<Attribute> attrs = outerAttributes();
                boolean enabled = cfg.enabled(attrs);
                skim |= !enabled; // what #[cfg] switches off is only skimmed: no macro in it is expanded
                List<Item> into = enabled ? items : new ArrayList<>();
                if (atFragment() == FragmentKind.ITEM) {
                    interpolatedItems(next(), into);
                } else if (macroInvocationAhead() >= 0) {
                    itemMacro(attrs, start, into);
                } else {
                    Item item = item(attrs);
                    into.add(item);
                    afterItem(item, into);
                }
            } catch (ParseError e) {
                if (pos == before) next();
                recoverToItem();
            } finally {
                skim = skimming;
            }
        }
        return items;
    }

    /**
     * When a macro invocation {@code a::b!(...)} starts here, the number of tokens before its
     * {@code !}; otherwise -1. Looks ahead without consuming.
     */
    protected int macroInvocationAhead() {
        int k = 0;
        if (peek(k).isPunct("::")) k++;
        while (true) {
            Token t = peek(k);
            if (t.kind() != TokenKind.IDENT || (!t.raw() && KEYWORDS.contains(t.text())
                    && !List.of("self", "super", "crate", "Self").contains(t.text()))) return -1;
            k++;
            if (!peek(k).isPunct("::")) break;
            k++;
        }
        Token open = peek(k + 1);
        boolean delimited = open.kind() == TokenKind.OPEN_PAREN || open.kind() == TokenKind.OPEN_BRACKET
                || open.kind() == TokenKind.OPEN_BRACE;
        return peek(k).isPunct("!") && delimited ? k : -1;
    }

    private void recoverToItem() {
        int depth = 0;
        while (!atEof()) {
            Token t = peek();
            if (depth == 0 && t.kind() == TokenKind.CLOSE_BRACE) return;
            if (depth == 0 && isItemStart()) return;
            switch (t.kind()) {
                case OPEN_BRACE, OPEN_PAREN, OPEN_BRACKET -> depth++;
                case CLOSE_BRACE, CLOSE_PAREN, CLOSE_BRACKET -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            next();
            if (depth == 0 && (previous().isPunct(";") || previous().kind() == TokenKind.CLOSE_BRACE)) return;
        }
    }

    // Attribute := "#" "!"? "[" Path ("=" Literal | TokenTree)? "]"
    protected Attribute attribute() {
        Span start = expectPunct("#").span();
        boolean inner = eatPunct("!");
        List<Token> tree = new ArrayList<>();
        if (!at(TokenKind.OPEN_BRACKET)) throw error(peek().span(), "expected `[`, found " + peek());
        tree.addAll(withoutFragments(tokenTree()));
        if (tree.isEmpty()) throw error(start, "expected attribute path");
        StringBuilder name = new StringBuilder(tree.getFirst().text());
        int i = 1;
        while (i + 1 < tree.size() && tree.get(i).isPunct("::")) {
            name.append("::").append(tree.get(i + 1).text());
            i += 2;
        }
        List<Token> args = tree.subList(i, tree.size());
        if (!args.isEmpty() && args.getFirst().kind() == TokenKind.OPEN_PAREN && args.getLast().kind() == TokenKind.CLOSE_PAREN)
            args = args.subList(1, args.size() - 1);
        return new Attribute(inner, name.toString(), List.copyOf(args), spanFrom(start));
    }

    /** Attributes are kept as tokens: a macro fragment in one ({@code #[doc = $text]}) is spelled out. */
    private static List<Token> withoutFragments(List<Token> toks) {
        if (toks.stream().noneMatch(t -> t.kind() == TokenKind.INTERPOLATED)) return toks;
        List<Token> out = new ArrayList<>();
        for (Token t : toks) {
            if (t.kind() == TokenKind.INTERPOLATED) out.addAll(withoutFragments(((Fragments.Fragment) t.value()).tokens()));
            else out.add(t);
        }
        return out;
    }

    protected List<Attribute> outerAttributes() {
        List<Attribute> attrs = new ArrayList<>();
        while (true) {
            if (at(TokenKind.DOC_OUTER)) next();
            else if (atPunct("#") && peek(1).kind() == TokenKind.OPEN_BRACKET) attrs.add(attribute());
            else return attrs;
        }
    }

    protected boolean isItemStart() {
        Token t = peek();
        if (atPunct("#") && peek(1).kind() == TokenKind.OPEN_BRACKET) return true;
        if (t.kind() == TokenKind.DOC_OUTER) return true;
        if (t.kind() != TokenKind.IDENT || t.raw()) return false;
        Token n = peek(1);
        return switch (t.text()) {
            case "fn", "struct", "enum", "trait", "impl", "mod", "use", "static", "pub", "extern", "type" -> true;
            case "const" -> n.kind() == TokenKind.IDENT || n.isKeyword("fn");
            case "unsafe" -> n.isKeyword("fn") || n.isKeyword("impl") || n.isKeyword("trait") || n.isKeyword("extern");
            case "async" -> n.isKeyword("fn") || n.isKeyword("unsafe");
            case "union" -> n.kind() == TokenKind.IDENT && !n.isKeyword("union");
            case "macro_rules" -> n.isPunct("!");
            default -> false;
        };
    }

    // Visibility := "pub" ("(" ("crate" | "self" | "super" | "in" Path) ")")?
    boolean visibility() {
        if (!eatKeyword("pub")) {
            eatKeyword("crate"); // `crate fn` (unstable) is read like pub(crate)
            return false;
        }
        if (at(TokenKind.OPEN_PAREN) && (peek(1).isKeyword("crate") || peek(1).isKeyword("self")
                || peek(1).isKeyword("super") || peek(1).isKeyword("in"))) tokenTree();
        return true;
    }

    protected Item item(List<Attribute> attrs) {
        Span start = peek().span();
        boolean pub = visibility();
        Token t = peek();
        if (t.kind() != TokenKind.IDENT) throw error(t.span(), "expected item, found " + t);
        switch (t.text()) {
            case "use": return use(attrs, pub, start);
            case "struct": return struct(attrs, pub, start);
            case "enum": return enumItem(attrs, pub, start);
            case "trait": return trait(attrs, pub, false, start);
            case "impl": return impl(attrs, false, start);
            case "mod": return mod(attrs, pub, start);
            case "type": return typeAlias(attrs, pub, start);
            case "static": return staticItem(attrs, pub, start);
            case "fn": return function(attrs, pub, start);
            case "macro_rules": return macroRules(attrs, start);
            default: break;
        }
        if (t.text().equals("union") && peek(1).kind() == TokenKind.IDENT) return union(attrs, pub, start);
        if (t.text().equals("const") && !peek(1).isKeyword("fn") && !peek(1).isKeyword("unsafe")
                && !peek(1).isKeyword("extern") && !peek(1).isKeyword("async")) return constItem(attrs, pub, start);
        if (t.text().equals("unsafe") && peek(1).isKeyword("impl")) {
            next();
            return impl(attrs, true, start);
        }
        if (t.text().equals("unsafe") && peek(1).isKeyword("trait")) {
            next();
            return trait(attrs, pub, true, start);
        }
        if (t.text().equals("extern") && peek(1).isKeyword("crate")) return externCrate(attrs, pub, start);
        if ((t.text().equals("extern") && (peek(1).kind() == TokenKind.OPEN_BRACE
                || (peek(1).kind() == TokenKind.STR && peek(2).kind() == TokenKind.OPEN_BRACE)))
                || (t.text().equals("unsafe") && peek(1).isKeyword("extern") && !peek(2).isKeyword("fn") && !peek(3).isKeyword("fn")))
            return externBlock(attrs, start);
        if (List.of("const", "unsafe", "async", "extern").contains(t.text())) return function(attrs, pub, start);
        if (atPathStart()) {
            Path p = path(PathMode.MOD);
            if (eatPunct("!")) {
                boolean braces = at(TokenKind.OPEN_BRACE);
                List<Token> toks = tokenTree();
                if (!braces) expectPunct(";");
                return new Item.MacroItem(p, attrs, toks, spanFrom(start));
            }
        }
        throw error(t.span(), "expected item, found " + t);
    }

    // Function := Qualifiers "fn" IDENT Generics "(" Params ")" ("->" Type)? WhereClause (Block | ";")
    private Item.Fn function(List<Attribute> attrs, boolean pub, Span start) {
        boolean isConst = false, isUnsafe = false, isAsync = false;
        String abi = null;
        while (true) {
            if (eatKeyword("const")) isConst = true;
            else if (eatKeyword("async")) isAsync = true;
            else if (eatKeyword("unsafe")) isUnsafe = true;
            else if (eatKeyword("extern")) abi = at(TokenKind.STR) ? (String) next().value() : "C";
            else break;
        }
        expectKeyword("fn");
        Token name = expectIdent("function name");
        Generics g = genericParams();
        expect(TokenKind.OPEN_PAREN, "`(`");
        Item.SelfKind self = Item.SelfKind.NONE;
        boolean selfMut = false;
        List<Item.Param> params = new ArrayList<>();
        if (isSelfParam()) {
            Span ss = peek().span();
            if (atPunct("&")) {
                next();
                if (at(TokenKind.LIFETIME)) next();
                self = eatKeyword("mut") ? Item.SelfKind.REF_MUT : Item.SelfKind.REF;
            } else {
                selfMut = eatKeyword("mut");
                self = Item.SelfKind.VALUE;
            }
            expectKeyword("self");
            if (eatPunct(":")) {
                TypeExpr st = type();
                diags.unsupported(spanFrom(ss), "`self` with an explicit type");
                params.add(new Item.Param(new Pat.Wild(ss), st, spanFrom(ss)));
            }
            if (!eatPunct(",")) self = checkClose(self);
        }
        while (!at(TokenKind.CLOSE_PAREN)) {
            outerAttributes();
            Span ps = peek().span();
            if (atPunct("...")) {
                next();
                diags.unsupported(ps, "C variadic functions");
                break;
            }
            Pat p = patternNoAlt();
            expectPunct(":");
            params.add(new Item.Param(p, type(), spanFrom(ps)));
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        TypeExpr ret = eatPunct("->") ? type() : null;
        g = whereClause(g);
        Block body = null;
        if (!eatPunct(";")) body = block();
        return new Item.Fn(name.text(), attrs, pub, g, self, selfMut, params, ret, body, isConst, isUnsafe, isAsync, abi,
                name.span(), spanFrom(start));
    }

    private Item.SelfKind checkClose(Item.SelfKind self) {
        if (!at(TokenKind.CLOSE_PAREN)) throw error(peek().span(), "expected `,` or `)`, found " + peek());
        return self;
    }

    private boolean isSelfParam() {
        if (atKeyword("self")) return !peek(1).isPunct("::");
        if (atKeyword("mut") && peek(1).isKeyword("self")) return true;
        if (atPunct("&")) {
            int k = 1;
            if (peek(k).kind() == TokenKind.LIFETIME) k++;
            if (peek(k).isKeyword("mut")) k++;
            return peek(k).isKeyword("self") && !peek(k + 1).isPunct("::");
        }
        return false;
    }

    // Struct := "struct" IDENT Generics (WhereClause "{" Fields "}" | "(" TupleFields ")" WhereClause ";" | ";")
    private Item struct(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("struct");
        Token name = expectIdent("struct name");
        Generics g = genericParams();
        if (at(TokenKind.OPEN_PAREN)) {
            List<Item.Field> fields = tupleFields();
            g = whereClause(g);
            expectPunct(";");
            return new Item.Struct(name.text(), attrs, pub, g, Item.StructKind.TUPLE, fields, name.span(), spanFrom(start));
        }
        g = whereClause(g);
        if (eatPunct(";")) return new Item.Struct(name.text(), attrs, pub, g, Item.StructKind.UNIT, List.of(), name.span(), spanFrom(start));
        return new Item.Struct(name.text(), attrs, pub, g, Item.StructKind.NAMED, namedFields(), name.span(), spanFrom(start));
    }

    private Item union(List<Attribute> attrs, boolean pub, Span start) {
        next();
        Token name = expectIdent("union name");
        Generics g = whereClause(genericParams());
        return new Item.Union(name.text(), attrs, pub, g, namedFields(), name.span(), spanFrom(start));
    }

    private List<Item.Field> namedFields() {
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item.Field> fields = new ArrayList<>();
        while (!at(TokenKind.CLOSE_BRACE)) {
            List<Attribute> fa = outerAttributes();
            Span fs = peek().span();
            boolean fpub = visibility();
            Token fname = expectIdent("field name");
            expectPunct(":");
            Item.Field field = new Item.Field(fname.text(), type(), fpub, fa, spanFrom(fs));
            if (cfg.enabled(fa)) fields.add(field);
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return fields;
    }

    private List<Item.Field> tupleFields() {
        expect(TokenKind.OPEN_PAREN, "`(`");
        List<Item.Field> fields = new ArrayList<>();
        while (!at(TokenKind.CLOSE_PAREN)) {
            List<Attribute> fa = outerAttributes();
            Span fs = peek().span();
            boolean fpub = visibility();
            fields.add(new Item.Field(String.valueOf(fields.size()), type(), fpub, fa, spanFrom(fs)));
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_PAREN, "`)`");
        return fields;
    }

    // Enum := "enum" IDENT Generics WhereClause "{" (Variant ("," Variant)*)? ","? "}"
    private Item enumItem(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("enum");
        Token name = expectIdent("enum name");
        Generics g = whereClause(genericParams());
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item.Variant> variants = new ArrayList<>();
        while (!at(TokenKind.CLOSE_BRACE)) {
            List<Attribute> va = outerAttributes();
            Span vs = peek().span();
            visibility();
            Token vname = expectIdent("variant name");
            Item.StructKind kind = Item.StructKind.UNIT;
            List<Item.Field> fields = List.of();
            if (at(TokenKind.OPEN_PAREN)) {
                kind = Item.StructKind.TUPLE;
                fields = tupleFields();
            } else if (at(TokenKind.OPEN_BRACE)) {
                kind = Item.StructKind.NAMED;
                fields = namedFields();
            }
            Expr disc = eatPunct("=") ? expression() : null;
            if (cfg.enabled(va)) variants.add(new Item.Variant(vname.text(), kind, fields, disc, va, spanFrom(vs)));
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.Enum(name.text(), attrs, pub, g, variants, name.span(), spanFrom(start));
    }

    // Trait := "unsafe"? "trait" IDENT Generics (":" Bounds)? WhereClause "{" AssociatedItem* "}"
    private Item trait(List<Attribute> attrs, boolean pub, boolean isUnsafe, Span start) {
        expectKeyword("trait");
        Token name = expectIdent("trait name");
        Generics g = genericParams();
        List<Path> supers = eatPunct(":") ? bounds() : List.of();
        g = whereClause(g);
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item> items = items(new ArrayList<>());
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.Trait(name.text(), attrs, pub, g, supers, items, isUnsafe, name.span(), spanFrom(start));
    }

    // Impl := "unsafe"? "impl" Generics "!"? (Path "for")? Type WhereClause "{" AssociatedItem* "}"
    private Item impl(List<Attribute> attrs, boolean isUnsafe, Span start) {
        expectKeyword("impl");
        Generics g = atPunct("<") && !(peek(1).isPunct(">")) ? genericParams() : Generics.NONE;
        boolean negative = eatPunct("!");
        TypeExpr first = type();
        Path trait = null;
        TypeExpr self = first;
        if (eatKeyword("for")) {
            if (!(first instanceof TypeExpr.PathType pt)) throw error(first.span(), "expected a trait, found type");
            trait = pt.path();
            self = type();
        }
        g = whereClause(g);
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item> items = items(new ArrayList<>());
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.Impl(attrs, g, trait, negative, self, items, isUnsafe, spanFrom(start));
    }

    // Module := "mod" IDENT (";" | "{" InnerAttribute* Item* "}")
    private Item mod(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("mod");
        Token name = expectIdent("module name");
        if (eatPunct(";")) {
            Item.Mod decl = new Item.Mod(name.text(), attrs, pub, null, name.span(), spanFrom(start));
            if (!skim) moduleFile(decl);
            return decl;
        }
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Attribute> all = new ArrayList<>(attrs);
        java.nio.file.Path outerDir = moduleDir;
        List<String> outerPath = modulePath;
        int scope = macros.textual.mark();
        List<Item> items;
        try {
            moduleDir = moduleDir == null ? null : moduleDir.resolve(name.text());
            modulePath = append(modulePath, name.text());
            items = items(all);
        } finally {
            moduleDir = outerDir;
            modulePath = outerPath;
            if (!Attribute.has(attrs, "macro_use")) macros.textual.restore(scope);
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.Mod(name.text(), all, pub, items, name.span(), spanFrom(start));
    }

    static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path);
        out.add(name);
        return List.copyOf(out);
    }

    // TypeAlias := "type" IDENT Generics (":" Bounds)? WhereClause ("=" Type)? ";"
    private Item typeAlias(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("type");
        Token name = expectIdent("type name");
        Generics g = genericParams();
        List<Path> bounds = eatPunct(":") ? bounds() : List.of();
        g = whereClause(g);
        TypeExpr t = eatPunct("=") ? type() : null;
        expectPunct(";");
        return new Item.TypeAlias(name.text(), attrs, pub, g, bounds, t, name.span(), spanFrom(start));
    }

    // Const := "const" (IDENT | "_") ":" Type ("=" Expr)? ";"
    private Item constItem(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("const");
        Token name = atIdent() || peek().text().equals("_") ? next() : expectIdent("constant name");
        expectPunct(":");
        TypeExpr t = type();
        Expr value = eatPunct("=") ? expression() : null;
        expectPunct(";");
        return new Item.Const(name.text(), attrs, pub, t, value, name.span(), spanFrom(start));
    }

    // Static := "static" "mut"? IDENT ":" Type ("=" Expr)? ";"
    private Item staticItem(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("static");
        boolean mut = eatKeyword("mut");
        Token name = expectIdent("static name");
        expectPunct(":");
        TypeExpr t = type();
        Expr value = eatPunct("=") ? expression() : null;
        expectPunct(";");
        return new Item.Static(name.text(), attrs, pub, mut, t, value, name.span(), spanFrom(start));
    }

    // Use := "use" UseTree ";"
    private Item use(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("use");
        Item.UseTree tree = useTree(new Path(false, null, List.of(), peek().span()));
        expectPunct(";");
        return new Item.Use(attrs, pub, tree, spanFrom(start));
    }

    // UseTree := (Path "::")? ("*" | "{" UseTree,* "}") | Path ("as" (IDENT | "_"))?
    private Item.UseTree useTree(Path prefix) {
        Span start = peek().span();
        boolean global = eatPunct("::");
        if (eatPunct("*")) return new Item.UseTree.Glob(join(prefix, null, global), spanFrom(start));
        if (at(TokenKind.OPEN_BRACE)) return group(join(prefix, null, global), start);
        Path p = path(PathMode.MOD);
        Path full = join(prefix, p, global);
        if (atPunct("::")) {
            next();
            if (eatPunct("*")) return new Item.UseTree.Glob(full, spanFrom(start));
            return group(full, start);
        }
        String rename = null;
        if (eatKeyword("as")) rename = peek().text().equals("_") ? next().text() : expectIdent("name").text();
        return new Item.UseTree.Simple(full, rename, spanFrom(start));
    }

    private Item.UseTree group(Path prefix, Span start) {
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item.UseTree> trees = new ArrayList<>();
        while (!at(TokenKind.CLOSE_BRACE)) {
            trees.add(useTree(prefix));
            if (!eatPunct(",")) break;
        }
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.UseTree.Group(prefix, trees, spanFrom(start));
    }

    private static Path join(Path prefix, Path p, boolean global) {
        List<Path.Segment> segs = new ArrayList<>(prefix.segments());
        if (p != null) segs.addAll(p.segments());
        Span span = p != null ? p.span() : prefix.span();
        return new Path(prefix.global() || global, null, segs, span);
    }

    private Item externCrate(List<Attribute> attrs, boolean pub, Span start) {
        expectKeyword("extern");
        expectKeyword("crate");
        Token name = atKeyword("self") ? next() : expectIdent("crate name");
        String rename = eatKeyword("as") ? next().text() : null;
        expectPunct(";");
        return new Item.ExternCrate(name.text(), attrs, pub, rename, name.span(), spanFrom(start));
    }

    private Item externBlock(List<Attribute> attrs, Span start) {
        eatKeyword("unsafe");
        expectKeyword("extern");
        String abi = at(TokenKind.STR) ? (String) next().value() : "C";
        expect(TokenKind.OPEN_BRACE, "`{`");
        List<Item> items = items(new ArrayList<>());
        expect(TokenKind.CLOSE_BRACE, "`}`");
        return new Item.ExternBlock(attrs, abi, items, spanFrom(start));
    }

    private Item macroRules(List<Attribute> attrs, Span start) {
        next();
        expectPunct("!");
        Token name = expectIdent("macro name");
        boolean braces = at(TokenKind.OPEN_BRACE);
        List<Token> body = tokenTree();
        if (!braces) eatPunct(";");
        Item.MacroRules def = new Item.MacroRules(name.text(), attrs, body, name.span(), spanFrom(start));
        if (!skim) defineMacro(def);
        return def;
    }
}
