package dev.rivet.ir;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text form written by {@link Printer} (grammar in README.md). Comments run from
 * {@code ;} to the end of the line. Values and blocks may be used before they are defined, as
 * SSA in text order allows; forward references are patched when the function ends.
 */
public final class Parser {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    // per function
    private Function fn;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Param> forwards = new HashMap<>();
    private final Map<String, Block> blocks = new HashMap<>();
    private final List<Block> defined = new ArrayList<>();
    private final Map<Integer, Slot> slots = new HashMap<>();

    private Parser(String src) {
        this.src = src;
    }

    public static Module parse(String text) {
        return new Parser(text).module();
    }

    private Module module() {
        Module m = new Module();
        skip();
        while (pos < src.length()) {
            String kw = word();
            switch (kw) {
                case "global" -> m.add(global());
                case "fn" -> m.add(function(false));
                case "declare" -> {
                    expectWord("fn");
                    m.add(function(true));
                }
                default -> throw error("expected 'global', 'fn' or 'declare', found '" + kw + "'");
            }
            skip();
        }
        return m;
    }

    // ---- globals ----

    private Global global() {
        String name = symbol();
        expectWord("align");
        Global g = new Global(name, (int) integer(), false);
        while (!peek('=')) {
            String attr = word();
            switch (attr) {
                case "mut" -> g.mutable = true;
                case "export" -> g.exported = true;
                case "used" -> g.used = true;
                case "extern" -> g.external = true;
                case "section" -> g.section = new String(string(), java.nio.charset.StandardCharsets.UTF_8);
                default -> throw error("unknown global attribute '" + attr + "'");
            }
        }
        expect('=');
        expect('{');
        while (!peek('}')) {
            if (!g.items.isEmpty()) expect(',');
            g.items.add(item());
        }
        expect('}');
        if (g.external && !g.items.isEmpty()) throw error("extern global @" + name + " cannot have initial data");
        return g;
    }

    private Global.Item item() {
        String kind = word();
        return switch (kind) {
            case "bytes" -> new Global.Item.Bytes(string());
            case "zero" -> new Global.Item.Zero((int) integer());
            case "ptr" -> {
                String s = symbol();
                yield new Global.Item.SymRef(s, offset());
            }
            default -> {
                Type t = type(kind);
                yield new Global.Item.Int(t, t.wrap(integer()));
            }
        };
    }

    // ---- functions ----

    private Function function(boolean declaration) {
        String name = symbol();
        expect('(');
        List<Type> params = new ArrayList<>();
        while (!peek(')')) {
            if (!params.isEmpty()) expect(',');
            params.add(type(word()));
        }
        expect(')');
        expectArrow();
        Type ret = type(word());
        fn = new Function(name, params, ret);
        while (!peek('{') && !atEnd() && !peekWord("fn") && !peekWord("declare") && !peekWord("global")) {
            String attr = word();
            switch (attr) {
                case "export" -> fn.exported = true;
                case "noreturn" -> fn.noreturn = true;
                case "inline" -> fn.inline = Function.Inline.HINT;
                case "noinline" -> fn.inline = Function.Inline.NEVER;
                case "section" -> fn.section = new String(string(), java.nio.charset.StandardCharsets.UTF_8);
                default -> throw error("unknown function attribute '" + attr + "'");
            }
        }
        if (declaration) return fn;
        expect('{');
        values.clear();
        forwards.clear();
        blocks.clear();
        defined.clear();
        slots.clear();
        while (peekWord("slot")) slot();
        while (!peek('}')) block();
        expect('}');
        finish();
        return fn;
    }

    private void slot() {
        expectWord("slot");
        expect('$');
        int index = (int) integer();
        expectWord("size");
        int size = (int) integer();
        expectWord("align");
        Slot s = fn.addSlot(size, (int) integer());
        if (slots.put(index, s) != null) throw error("slot $" + index + " defined twice");
    }

    private void block() {
        String name = word();
        if (!name.matches("b\\d+")) throw error("expected a block name like b0, found '" + name + "'");
        Block b = blockRef(name);
        if (defined.contains(b)) throw error("block " + name + " defined twice");
        defined.add(b);
        fn.appendBlock(b);
        if (peek('(')) {
            expect('(');
            while (!peek(')')) {
                if (!b.params().isEmpty()) expect(',');
                String v = valueName();
                expect(':');
                define(v, b.addParam(type(word())));
            }
            expect(')');
        }
        expect(':');
        while (!atEnd() && !peek('}') && !peekBlockLabel()) b.add(inst());
    }

    private Inst inst() {
        String result = null;
        if (peek('%')) {
            result = valueName();
            expect('=');
        }
        skip();
        int opLine = line, opCol = pos - lineStart + 1;
        String[] parts = word().split("\\.");
        Op op = Op.byName(parts[0]);
        if (op == null) throw new IrSyntaxError(opLine, opCol, "unknown op '" + parts[0] + "'");
        Inst i = operands(op, parts);
        if (result != null) {
            if (!i.hasResult()) throw new IrSyntaxError(opLine, opCol, op.text() + " produces no value");
            define(result, i);
        } else if (i.hasResult() && op != Op.CALL && op != Op.CALL_INDIRECT) {
            throw new IrSyntaxError(opLine, opCol, op.text() + " needs a result name");
        }
        return i;
    }

    private Inst operands(Op op, String[] parts) {
        Type suffix = parts.length > 1 && !parts[parts.length - 1].equals("volatile") && Type.isName(parts[parts.length - 1])
                ? type(parts[parts.length - 1]) : null;
        Inst i = new Inst(op, suffix == null ? Type.VOID : suffix);
        switch (op) {
            case CONST -> i.imm = need(suffix, op).wrap(integer());
            case SYMADDR -> {
                i.type = Type.PTR;
                i.symbol = symbol();
                i.imm = offset();
            }
            case SLOTADDR -> {
                i.type = Type.PTR;
                expect('$');
                int n = (int) integer();
                i.slot = slots.get(n);
                if (i.slot == null) throw error("undefined slot $" + n);
            }
            case ICMP -> {
                i.type = Type.I1;
                i.cond = Cond.parse(parts[1]);
                valueList(i.args, 2);
            }
            case PTRADD, INTTOPTR -> {
                i.type = Type.PTR;
                valueList(i.args, op.arity());
            }
            case PTRTOINT, SEMIHOST -> {
                i.type = Type.I32;
                valueList(i.args, op.arity());
            }
            case LOAD -> {
                i.isVolatile = parts.length == 3;
                need(suffix, op);
                valueList(i.args, 1);
            }
            case STORE -> {
                i.isVolatile = parts.length == 3;
                need(suffix, op);
                i.type = Type.VOID;
                valueList(i.args, 2);
            }
            case COPY, FILL -> {
                valueList(i.args, 2);
                expect(',');
                i.imm = integer();
                expect(',');
                expectWord("align");
                i.align = (int) integer();
            }
            case CALL -> {
                i.symbol = symbol();
                expect('(');
                valueList(i.args, -1);
                expect(')');
            }
            case CALL_INDIRECT -> {
                i.args.add(value());
                expect('(');
                valueList(i.args, -1);
                expect(')');
                expect(':');
                i.signature = signature();
            }
            case JMP -> i.targets.add(target());
            case BR -> {
                i.args.add(value());
                expect(',');
                i.targets.add(target());
                expect(',');
                i.targets.add(target());
            }
            case SWITCH -> switchOperands(i, need(suffix, op));
            case RET -> { if (!atEnd() && peek('%')) valueList(i.args, -1); }
            case TRAP -> { }
            default -> {
                need(suffix, op);
                valueList(i.args, op.arity());
            }
        }
        return i;
    }

    private void switchOperands(Inst i, Type t) {
        i.type = Type.VOID;
        i.args.add(value());
        expect(',');
        i.targets.add(target());
        expect('[');
        List<Long> cases = new ArrayList<>();
        while (!peek(']')) {
            if (!cases.isEmpty()) expect(',');
            cases.add(t.wrap(integer()));
            expect(':');
            i.targets.add(target());
        }
        expect(']');
        i.cases = cases.stream().mapToLong(Long::longValue).toArray();
    }

    private Signature signature() {
        expect('(');
        List<Type> ps = new ArrayList<>();
        while (!peek(')')) {
            if (!ps.isEmpty()) expect(',');
            ps.add(type(word()));
        }
        expect(')');
        expectArrow();
        return new Signature(ps, type(word()));
    }

    private Target target() {
        Block b = blockRef(word());
        List<Value> args = new ArrayList<>();
        if (peek('(')) {
            expect('(');
            valueList(args, -1);
            expect(')');
        }
        return new Target(b, args);
    }

    /** {@code count} comma-separated values, or as many as follow when {@code count < 0}. */
    private void valueList(List<Value> into, int count) {
        if (count < 0) {
            if (!peek('%')) return;
            into.add(value());
            while (peek(',')) {
                expect(',');
                into.add(value());
            }
            return;
        }
        for (int n = 0; n < count; n++) {
            if (n > 0) expect(',');
            into.add(value());
        }
    }

    private Type need(Type t, Op op) {
        if (t == null) throw error(op.text() + " needs a type suffix such as ." + Type.I32);
        return t;
    }

    // ---- names ----

    private Value value() {
        String name = valueName();
        Value v = values.get(name);
        if (v != null) return v;
        return forwards.computeIfAbsent(name, k -> new Param(Type.VOID));
    }

    private void define(String name, Value v) {
        if (values.put(name, v) != null) throw error("value " + name + " defined twice");
    }

    private Block blockRef(String name) {
        if (!name.matches("b\\d+")) throw error("expected a block name, found '" + name + "'");
        return blocks.computeIfAbsent(name, k -> new Block());
    }

    /** Patches forward references and checks that every referenced block and value exists. */
    private void finish() {
        for (Map.Entry<String, Param> f : forwards.entrySet()) {
            Value real = values.get(f.getKey());
            if (real == null) throw error("value " + f.getKey() + " is used but never defined in @" + fn.name);
            fn.replaceAllUses(f.getValue(), real);
        }
        for (Map.Entry<String, Block> b : blocks.entrySet())
            if (!defined.contains(b.getValue())) throw error("block " + b.getKey() + " is used but never defined in @" + fn.name);
        fn.renumber();
    }

    // ---- lexing ----

    private void skip() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ';') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean atEnd() {
        skip();
        return pos >= src.length();
    }

    private boolean peek(char c) {
        skip();
        return pos < src.length() && src.charAt(pos) == c;
    }

    private boolean peekWord(String w) {
        skip();
        int end = pos;
        while (end < src.length() && isWordChar(src.charAt(end))) end++;
        return src.substring(pos, end).equals(w);
    }

    private boolean peekBlockLabel() {
        skip();
        int end = pos;
        while (end < src.length() && isWordChar(src.charAt(end))) end++;
        return src.substring(pos, end).matches("b\\d+") && end < src.length()
                && (src.charAt(end) == ':' || src.charAt(end) == '(');
    }

    private void expect(char c) {
        if (!peek(c)) throw error("expected '" + c + "'" + found());
        pos++;
    }

    private void expectArrow() {
        expect('-');
        if (pos >= src.length() || src.charAt(pos) != '>') throw error("expected '->'");
        pos++;
    }

    private void expectWord(String w) {
        String got = word();
        if (!got.equals(w)) throw error("expected '" + w + "', found '" + got + "'");
    }

    private String word() {
        skip();
        int start = pos;
        while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
        if (start == pos) throw error("expected a word" + found());
        return src.substring(start, pos);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    private String valueName() {
        expect('%');
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (start == pos) throw error("expected a value number after '%'");
        return src.substring(start, pos);
    }

    private String symbol() {
        expect('@');
        if (pos < src.length() && src.charAt(pos) == '"') return new String(string(), java.nio.charset.StandardCharsets.UTF_8);
        int start = pos;
        while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
        if (start == pos) throw error("expected a symbol name after '@'");
        return src.substring(start, pos);
    }

    private long offset() {
        skip();
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
            boolean neg = src.charAt(pos++) == '-';
            long v = integer();
            return neg ? -v : v;
        }
        return 0;
    }

    private long integer() {
        skip();
        int start = pos;
        if (pos < src.length() && src.charAt(pos) == '-') pos++;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)))) pos++;
        String text = src.substring(start, pos);
        try {
            if (text.startsWith("0x")) return Long.parseUnsignedLong(text.substring(2), 16);
            if (text.startsWith("-0x")) return -Long.parseUnsignedLong(text.substring(3), 16);
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("expected an integer, found '" + text + "'");
        }
    }

    private byte[] string() {
        skip();
        if (pos >= src.length() || src.charAt(pos) != '"') throw error("expected a string");
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (pos < src.length() && src.charAt(pos) != '"') {
            char c = src.charAt(pos++);
            if (c == '\\') {
                if (pos + 3 > src.length() || src.charAt(pos) != 'x') throw error("bad escape in string");
                out.write(Integer.parseInt(src.substring(pos + 1, pos + 3), 16));
                pos += 3;
            } else {
                out.write(c);
            }
        }
        if (pos >= src.length()) throw error("unterminated string");
        pos++;
        return out.toByteArray();
    }

    private Type type(String name) {
        if (!Type.isName(name)) throw error("unknown type '" + name + "'");
        return Type.parse(name);
    }

    private String found() {
        return pos < src.length() ? ", found '" + src.charAt(pos) + "'" : ", found end of input";
    }

    private IrSyntaxError error(String message) {
        return new IrSyntaxError(line, pos - lineStart + 1, message);
    }
}
