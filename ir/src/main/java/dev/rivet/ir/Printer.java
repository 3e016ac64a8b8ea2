package dev.rivet.ir;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IR's text form (see README.md in this module). {@link Parser} reads exactly what this
 * writes, so print(parse(print(m))) equals print(m). Values are numbered afresh on every print,
 * in block order: each block's parameters, then its instructions.
 */
public final class Printer {
    private final StringBuilder out = new StringBuilder();
    private final Map<Value, Integer> names = new IdentityHashMap<>();

    private Printer() {}

    public static String print(Module m) {
        Printer p = new Printer();
        boolean first = true;
        for (Global g : m.globals()) {
            p.global(g);
            first = false;
        }
        for (Function f : m.functions()) {
            if (!first) p.out.append('\n');
            p.function(f);
            first = false;
        }
        return p.out.toString();
    }

    public static String print(Function f) {
        Printer p = new Printer();
        p.function(f);
        return p.out.toString();
    }

    private void global(Global g) {
        out.append("global @").append(symbol(g.name)).append(" align ").append(g.align);
        if (g.mutable) out.append(" mut");
        if (g.exported) out.append(" export");
        if (g.used) out.append(" used");
        if (g.external) out.append(" extern");
        if (g.section != null) out.append(" section ").append(quote(g.section.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        out.append(" = {");
        for (int i = 0; i < g.items.size(); i++) {
            out.append(i == 0 ? " " : ", ");
            switch (g.items.get(i)) {
                case Global.Item.Bytes b -> out.append("bytes ").append(quote(b.bytes()));
                case Global.Item.Int n -> out.append(n.type()).append(' ').append(n.type().signed(n.value()));
                case Global.Item.SymRef r -> out.append("ptr @").append(symbol(r.symbol())).append(offset(r.offset()));
                case Global.Item.Zero z -> out.append("zero ").append(z.count());
            }
        }
        out.append(g.items.isEmpty() ? "}\n" : " }\n");
    }

    private void function(Function f) {
        f.renumber();
        names.clear();
        int next = 0;
        for (Block b : f.blocks()) {
            for (Param p : b.params()) names.put(p, next++);
            for (Inst i : b.insts()) if (i.hasResult()) names.put(i, next++);
        }
        out.append(f.isDeclaration() ? "declare fn @" : "fn @").append(symbol(f.name)).append('(');
        for (int i = 0; i < f.params.size(); i++) out.append(i == 0 ? "" : ", ").append(f.params.get(i));
        out.append(") -> ").append(f.ret);
        if (f.exported) out.append(" export");
        if (f.noreturn) out.append(" noreturn");
        if (f.inline == Function.Inline.HINT) out.append(" inline");
        if (f.inline == Function.Inline.NEVER) out.append(" noinline");
        if (f.section != null) out.append(" section ").append(quote(f.section.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (f.isDeclaration()) {
            out.append('\n');
            return;
        }
        out.append(" {\n");
        for (Slot s : f.slots()) out.append("  slot $").append(s.index).append(" size ").append(s.size)
                .append(" align ").append(s.align).append('\n');
        for (Block b : f.blocks()) block(b);
        out.append("}\n");
    }

    private void block(Block b) {
        out.append(b.name());
        if (!b.params().isEmpty()) {
            out.append('(');
            for (int i = 0; i < b.params().size(); i++) {
                Param p = b.params().get(i);
                out.append(i == 0 ? "" : ", ").append(name(p)).append(": ").append(p.type());
            }
            out.append(')');
        }
        out.append(":\n");
        for (Inst i : b.insts()) {
            out.append("  ");
            inst(i);
            out.append('\n');
        }
    }

    private void inst(Inst i) {
        if (i.hasResult()) out.append(name(i)).append(" = ");
        out.append(i.op.text());
        switch (i.op) {
            case CONST -> out.append('.').append(i.type).append(' ').append(i.type.signed(i.imm));
            case SYMADDR -> out.append(" @").append(symbol(i.symbol)).append(offset(i.imm));
            case SLOTADDR -> out.append(" $").append(i.slot.index);
            case ICMP -> out.append('.').append(i.cond.text()).append(' ').append(values(i.args));
            case PTRADD, PTRTOINT, SEMIHOST -> out.append(' ').append(values(i.args));
            case LOAD -> out.append(i.isVolatile ? ".volatile." : ".").append(i.type).append(' ').append(values(i.args));
            case STORE -> out.append(i.isVolatile ? ".volatile." : ".").append(i.arg(0).type()).append(' ').append(values(i.args));
            case COPY, FILL -> out.append(' ').append(values(i.args)).append(", ").append(i.imm).append(", align ").append(i.align);
            case CALL -> out.append(i.type == Type.VOID ? "" : "." + i.type).append(" @").append(symbol(i.symbol))
                    .append('(').append(values(i.args)).append(')');
            case CALL_INDIRECT -> out.append(i.type == Type.VOID ? "" : "." + i.type).append(' ').append(name(i.arg(0)))
                    .append('(').append(values(i.args.subList(1, i.args.size()))).append(") : ").append(i.signature.text());
            case JMP -> out.append(' ').append(target(i.targets.getFirst()));
            case BR -> out.append(' ').append(name(i.arg(0))).append(", ").append(target(i.targets.get(0)))
                    .append(", ").append(target(i.targets.get(1)));
            case SWITCH -> {
                out.append('.').append(i.arg(0).type()).append(' ').append(name(i.arg(0))).append(", ")
                        .append(target(i.targets.getFirst())).append(" [");
                for (int k = 0; k < i.cases.length; k++)
                    out.append(k == 0 ? "" : ", ").append(i.arg(0).type().signed(i.cases[k])).append(": ").append(target(i.targets.get(k + 1)));
                out.append(']');
            }
            case RET -> { if (!i.args.isEmpty()) out.append(' ').append(values(i.args)); }
            case TRAP -> { }
            default -> out.append('.').append(i.type).append(' ').append(values(i.args));
        }
    }

    private String target(Target t) {
        return t.block.name() + (t.args.isEmpty() ? "" : "(" + values(t.args) + ")");
    }

    private String values(List<Value> vs) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < vs.size(); k++) sb.append(k == 0 ? "" : ", ").append(name(vs.get(k)));
        return sb.toString();
    }

    private String name(Value v) {
        Integer n = names.get(v);
        return n == null ? "%?" : "%" + n;
    }

    private static String offset(long off) {
        return off == 0 ? "" : off > 0 ? "+" + off : Long.toString(off);
    }

    /** Symbols print bare when they consist of [A-Za-z0-9_.$], else quoted. */
    static String symbol(String s) {
        return s.matches("[A-Za-z_.$][A-Za-z0-9_.$]*") ? s : quote(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String quote(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.append('"').toString();
    }
}
