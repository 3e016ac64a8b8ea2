package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Slot;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scalar replacement of aggregates: a stack slot whose address never escapes, and which is
 * only read and written at constant offsets, is split into one slot per scalar field, which
 * {@link Mem2Reg} can then promote. Copies and fills of a split slot become per-field loads and
 * stores; that is only sound when the fields cover every byte they copy, which is checked.
 */
public final class Sroa implements Pass {
    /** A scalar field of a slot: where it is and how it is accessed. */
    private record Field(long offset, Type type) {
        long end() { return offset + type.bytes(); }
    }

    /** A use of the slot's address: an instruction, its operand index, and the constant offset it adds. */
    private record Use(Inst inst, int operand, long offset) {}

    @Override
    public String name() { return "sroa"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    public static void run(Function f) {
        Map<Slot, List<Inst>> addrs = Mem2Reg.slotAddresses(f);
        for (Slot s : new ArrayList<>(f.slots())) {
            List<Use> uses = uses(f, addrs.getOrDefault(s, List.of()));
            if (uses == null) continue;
            TreeMap<Long, Field> fields = fields(s, uses);
            if (fields == null || (fields.size() == 1 && fields.firstEntry().getValue().type().bytes() == s.size)) continue;
            split(f, s, uses, fields);
        }
        f.renumber();
    }

    /** Every use of the slot's address through constant ptradds, or null if it escapes. */
    private static List<Use> uses(Function f, List<Inst> addrs) {
        Map<Value, Long> offsets = new IdentityHashMap<>();
        for (Inst a : addrs) offsets.put(a, 0L);
        // ptradd chains: iterate until no new derived addresses appear
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Inst i : f.instructions())
                if (i.op == Op.PTRADD && offsets.containsKey(i.arg(0)) && !offsets.containsKey(i)
                        && i.arg(1) instanceof Inst c && c.isConst()) {
                    offsets.put(i, offsets.get(i.arg(0)) + Type.I32.signed(c.imm));
                    grew = true;
                }
        }
        List<Use> uses = new ArrayList<>();
        for (Inst i : f.instructions()) {
            for (int k = 0; k < i.args.size(); k++) {
                Long off = offsets.get(i.arg(k));
                if (off == null) continue;
                boolean ok = switch (i.op) {
                    case LOAD -> !i.isVolatile;
                    case STORE -> !i.isVolatile && k == 1;
                    case COPY, FILL -> k == 0 || (i.op == Op.COPY && k == 1);
                    case PTRADD -> k == 0 && offsets.containsKey(i);
                    default -> false;
                };
                if (!ok) return null;
                if (i.op != Op.PTRADD) uses.add(new Use(i, k, off));
            }
            for (Target t : i.targets) for (Value v : t.args) if (offsets.containsKey(v)) return null;
        }
        return uses;
    }

    /** The scalar fields, or null if accesses overlap, leave the slot, or copies touch uncovered bytes. */
    private static TreeMap<Long, Field> fields(Slot s, List<Use> uses) {
        TreeMap<Long, Field> fields = new TreeMap<>();
        for (Use u : uses) {
            Type t = switch (u.inst().op) {
                case LOAD -> u.inst().type;
                case STORE -> u.inst().arg(0).type();
                default -> null;
            };
            if (t == null) continue;
            Field f = new Field(u.offset(), t);
            if (f.offset() < 0 || f.end() > s.size) return null;
            Field old = fields.get(f.offset());
            if (old != null && !old.equals(f)) return null;
            fields.put(f.offset(), f);
        }
        long end = 0;
        for (Field f : fields.values()) {
            if (f.offset() < end) return null; // partial overlap
            end = f.end();
        }
        List<Inst> copies = new ArrayList<>();
        for (Use u : uses) {
            Inst i = u.inst();
            if (i.op != Op.COPY && i.op != Op.FILL) continue;
            if (!covered(fields, u.offset(), u.offset() + i.imm)) return null;
            if (i.op == Op.FILL && !(i.arg(1) instanceof Inst c && c.isConst())) return null;
            if (copies.contains(i)) return null; // copies within the slot itself
            copies.add(i);
        }
        return fields.isEmpty() ? null : fields;
    }

    private static boolean covered(TreeMap<Long, Field> fields, long from, long to) {
        long at = from;
        for (Field f : fields.subMap(from, true, to, false).values()) {
            if (f.offset() != at || f.end() > to) return false;
            at = f.end();
        }
        return at == to;
    }

    private static void split(Function f, Slot s, List<Use> uses, TreeMap<Long, Field> fields) {
        Map<Long, Slot> parts = new TreeMap<>();
        for (Field fl : fields.values()) parts.put(fl.offset(), f.addSlot(fl.type().bytes(), fl.type().bytes()));
        for (Use u : uses) {
            Inst i = u.inst();
            Block b = i.block();
            switch (i.op) {
                case LOAD, STORE -> i.args.set(u.operand(), addr(b, i, parts.get(u.offset())));
                case COPY -> expandCopy(f, i, u, fields, parts);
                case FILL -> expandFill(i, u, fields, parts);
                default -> throw new IllegalStateException("unexpected use " + i.op);
            }
        }
        f.slots().remove(s);
        Dce.run(f); // the old address arithmetic is now dead
    }

    private static Inst addr(Block b, Inst before, Slot slot) {
        return b.insert(b.insts().indexOf(before), Inst.slotaddr(slot));
    }

    /** Replaces a copy into or out of the split slot by one load and store per field it covers. */
    private static void expandCopy(Function f, Inst copy, Use u, TreeMap<Long, Field> fields, Map<Long, Slot> parts) {
        if (copy.block() == null) return; // already expanded through its other operand
        Block b = copy.block();
        long base = u.offset();
        Value other = copy.arg(1 - u.operand());
        boolean into = u.operand() == 0;
        for (Field fl : fields.subMap(base, true, base + copy.imm, false).values()) {
            Inst otherAddr = b.insert(b.insts().indexOf(copy), Inst.constant(Type.I32, fl.offset() - base));
            Inst otherPtr = b.insert(b.insts().indexOf(copy), new Inst(Op.PTRADD, Type.PTR, other, otherAddr));
            Inst partAddr = addr(b, copy, parts.get(fl.offset()));
            Inst load = b.insert(b.insts().indexOf(copy), Inst.load(fl.type(), into ? otherPtr : partAddr, false));
            b.insert(b.insts().indexOf(copy), Inst.store(load, into ? partAddr : otherPtr, false));
        }
        b.remove(copy);
    }

    private static void expandFill(Inst fill, Use u, TreeMap<Long, Field> fields, Map<Long, Slot> parts) {
        Block b = fill.block();
        long pattern = ((Inst) fill.arg(1)).imm & 0xFF; // constant: checked by fields()
        for (Field fl : fields.subMap(u.offset(), true, u.offset() + fill.imm, false).values()) {
            long v = 0;
            for (int k = 0; k < fl.type().bytes(); k++) v |= pattern << (8 * k);
            Inst value = b.insert(b.insts().indexOf(fill), Inst.constant(fl.type(), v));
            Inst part = addr(b, fill, parts.get(fl.offset())); // before the store: the store's index is taken after it
            b.insert(b.insts().indexOf(fill), Inst.store(value, part, false));
        }
        b.remove(fill);
    }
}
