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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scalar replacement of aggregates: a stack slot whose address never escapes, and which is
 * only read and written at constant offsets, is split into one slot per scalar field, which
 * {@link Mem2Reg} can then promote. Copies and fills of a split slot become per-field loads and
 * stores.
 *
 * <p>Slots copied into one another (an enum built in one slot, moved to a second and matched
 * there) are split together, as a group, with the fields of all of them: a byte that no member
 * ever loads as part of a field is never observed, so a copy inside the group need not carry
 * it. A copy to or from memory outside the group must be covered by fields, byte for byte,
 * since what lies outside may read any byte.
 */
public final class Sroa implements Pass {
    /** A scalar field of a slot: where it is and how it is accessed. */
    private record Field(long offset, Type type) {
        long end() { return offset + type.bytes(); }
    }

    /** A use of the slot's address: an instruction, its operand index, and the constant offset it adds. */
    private record Use(Slot slot, Inst inst, int operand, long offset) {}

    @Override
    public String name() { return "sroa"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    public static void run(Function f) {
        Map<Slot, List<Inst>> addrs = Mem2Reg.slotAddresses(f);
        Map<Slot, List<Use>> candidates = new LinkedHashMap<>();
        for (Slot s : f.slots()) {
            List<Use> uses = uses(f, s, addrs.getOrDefault(s, List.of()));
            if (uses != null) candidates.put(s, uses);
        }
        CopyEnds ends = new CopyEnds(candidates);
        boolean changed = false;
        for (List<Slot> group : ends.groups()) {
            Map<Slot, List<Use>> known = changed ? null : candidates;
            if (splitGroup(f, group, known, addrs, ends)) changed = true;
            else if (group.size() > 1) // each alone, its copies within the group now counting as outside ones
                for (Slot s : group) changed |= splitGroup(f, List.of(s), changed ? null : candidates, addrs, ends);
        }
        if (changed) Dce.run(f); // the old address arithmetic is now dead
        f.renumber();
    }

    /**
     * Splits the group if it can. Its uses are {@code known} until a split has happened (null
     * after): splitting turns copies with other slots into loads and stores at new addresses in
     * them, so they are found again.
     */
    private static boolean splitGroup(Function f, List<Slot> group, Map<Slot, List<Use>> known, Map<Slot, List<Inst>> addrs,
                                      CopyEnds ends) {
        List<Use> uses = new ArrayList<>();
        for (Slot s : group) {
            List<Use> own = known != null ? known.get(s) : uses(f, s, addrs.getOrDefault(s, List.of()));
            if (own == null) return false;
            uses.addAll(own);
        }
        TreeMap<Long, Field> fields = fields(group, uses, ends);
        if (fields == null) return false;
        // A slot that is one field already is still rewritten: its accesses through ptradd become direct, which Mem2Reg needs
        new Splitter(f, group, fields, ends).split(uses);
        return true;
    }

    /** Every use of the slot's address through constant ptradds, or null if it escapes. */
    private static List<Use> uses(Function f, Slot slot, List<Inst> addrs) {
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
                if (i.op != Op.PTRADD) uses.add(new Use(slot, i, k, off));
            }
            for (Target t : i.targets) for (Value v : t.args) if (offsets.containsKey(v)) return null;
        }
        return uses;
    }

    /**
     * The scalar fields the group's loads and stores use, or null if they conflict or overlap,
     * leave a slot, or a copy to or from outside touches bytes no field covers. (A fill need not
     * be covered: the bytes it sets outside fields are observed only by such a copy.)
     */
    private static TreeMap<Long, Field> fields(List<Slot> group, List<Use> uses, CopyEnds ends) {
        TreeMap<Long, Field> fields = new TreeMap<>();
        long size = group.getFirst().size; // CopyEnds groups slots of one size only
        for (Use u : uses) {
            Type t = switch (u.inst().op) {
                case LOAD -> u.inst().type;
                case STORE -> u.inst().arg(0).type();
                default -> null;
            };
            if (t == null) continue;
            Field f = new Field(u.offset(), t);
            if (f.offset() < 0 || f.end() > size) return null;
            Field old = fields.get(f.offset());
            if (old != null && !old.equals(f)) return null;
            fields.put(f.offset(), f);
        }
        long end = 0;
        for (Field f : fields.values()) {
            if (f.offset() < end) return null; // partial overlap
            end = f.end();
        }
        for (Use u : uses) {
            Inst i = u.inst();
            if (i.op != Op.COPY && i.op != Op.FILL) continue;
            if (i.op == Op.FILL && !(i.arg(1) instanceof Inst c && c.isConst())) return null;
            if (u.offset() < 0 || u.offset() + i.imm > size) return null;
            if (cuts(fields, u.offset()) || cuts(fields, u.offset() + i.imm)) return null; // a field partly written or read
            if (i.op != Op.COPY || ends.within(i, group)) continue;
            // both ends in the group but not joined (within one slot, or at another offset): not split
            if (ends.bothIn(i, group) || !covered(fields, u.offset(), u.offset() + i.imm)) return null;
        }
        return fields.isEmpty() ? null : fields;
    }

    /** Whether {@code at} falls strictly inside a field. */
    private static boolean cuts(TreeMap<Long, Field> fields, long at) {
        Map.Entry<Long, Field> before = fields.lowerEntry(at);
        return before != null && before.getValue().end() > at;
    }

    private static boolean covered(TreeMap<Long, Field> fields, long from, long to) {
        long at = from;
        for (Field f : fields.subMap(from, true, to, false).values()) {
            if (f.offset() != at || f.end() > to) return false;
            at = f.end();
        }
        return at == to;
    }

    /** Rewrites a group's uses to per-field slots, made as they are first needed. */
    private static final class Splitter {
        private final Function f;
        private final List<Slot> group;
        private final TreeMap<Long, Field> fields;
        private final CopyEnds ends;
        private final Map<Slot, Map<Long, Slot>> parts = new IdentityHashMap<>();

        Splitter(Function f, List<Slot> group, TreeMap<Long, Field> fields, CopyEnds ends) {
            this.f = f;
            this.group = group;
            this.fields = fields;
            this.ends = ends;
        }

        void split(List<Use> uses) {
            for (Use u : uses) {
                Inst i = u.inst();
                if (i.block() == null) continue; // a copy already expanded through its other operand
                switch (i.op) {
                    case LOAD, STORE -> i.args.set(u.operand(), partAddr(i, u.slot(), u.offset()));
                    case COPY -> expandCopy(i, u);
                    case FILL -> expandFill(i, u);
                    default -> throw new IllegalStateException("unexpected use " + i.op);
                }
            }
            f.slots().removeAll(group);
        }

        private Inst partAddr(Inst before, Slot slot, long offset) {
            Slot part = parts.computeIfAbsent(slot, k -> new TreeMap<>()).computeIfAbsent(offset, o -> {
                int bytes = fields.get(o).type().bytes();
                return f.addSlot(bytes, bytes);
            });
            Block b = before.block();
            return b.insert(b.insts().indexOf(before), Inst.slotaddr(part));
        }

        /** One load and store per field the copy spans; each side is a part of a split slot or an address outside. */
        private void expandCopy(Inst copy, Use u) {
            Block b = copy.block();
            boolean within = ends.within(copy, group);
            Use dst = u.operand() == 0 ? u : within ? ends.dst(copy) : null;
            Use src = u.operand() == 1 ? u : within ? ends.src(copy) : null;
            long base = u.offset();
            for (Field fl : fields.subMap(base, true, base + copy.imm, false).values()) {
                long delta = fl.offset() - base;
                Value from = src != null ? partAddr(copy, src.slot(), src.offset() + delta) : outside(copy, copy.arg(1), delta);
                Inst load = b.insert(b.insts().indexOf(copy), Inst.load(fl.type(), from, false));
                Value to = dst != null ? partAddr(copy, dst.slot(), dst.offset() + delta) : outside(copy, copy.arg(0), delta);
                b.insert(b.insts().indexOf(copy), Inst.store(load, to, false));
            }
            b.remove(copy);
        }

        private static Inst outside(Inst before, Value base, long delta) {
            Block b = before.block();
            Inst off = b.insert(b.insts().indexOf(before), Inst.constant(Type.I32, delta));
            return b.insert(b.insts().indexOf(before), new Inst(Op.PTRADD, Type.PTR, base, off));
        }

        private void expandFill(Inst fill, Use u) {
            Block b = fill.block();
            long pattern = ((Inst) fill.arg(1)).imm & 0xFF; // constant: checked by fields()
            for (Field fl : fields.subMap(u.offset(), true, u.offset() + fill.imm, false).values()) {
                long v = 0;
                for (int k = 0; k < fl.type().bytes(); k++) v |= pattern << (8 * k);
                Inst value = b.insert(b.insts().indexOf(fill), Inst.constant(fl.type(), v));
                Inst part = partAddr(fill, u.slot(), fl.offset()); // before the store: the store's index is taken after it
                b.insert(b.insts().indexOf(fill), Inst.store(value, part, false));
            }
            b.remove(fill);
        }
    }

    /**
     * The slot uses at both ends of each copy, and the groups of candidate slots that copies
     * join: two slots of one size, copied between at the same offset.
     */
    private static final class CopyEnds {
        private final Map<Inst, Use[]> ends = new IdentityHashMap<>();
        private final Map<Slot, Slot> parent = new LinkedHashMap<>();

        CopyEnds(Map<Slot, List<Use>> candidates) {
            for (Slot s : candidates.keySet()) parent.put(s, s);
            for (List<Use> uses : candidates.values())
                for (Use u : uses) if (u.inst().op == Op.COPY) ends.computeIfAbsent(u.inst(), k -> new Use[2])[u.operand()] = u;
            for (Use[] e : ends.values())
                if (e[0] != null && e[1] != null && e[0].slot() != e[1].slot() && e[0].slot().size == e[1].slot().size
                        && e[0].offset() == e[1].offset()) parent.put(root(e[0].slot()), root(e[1].slot()));
        }

        private Slot root(Slot s) {
            Slot p = parent.get(s);
            return p == s ? s : root(p);
        }

        /** The groups, each in slot order, in the order of their first slots. */
        List<List<Slot>> groups() {
            Map<Slot, List<Slot>> byRoot = new LinkedHashMap<>();
            for (Slot s : parent.keySet()) byRoot.computeIfAbsent(root(s), k -> new ArrayList<>()).add(s);
            return new ArrayList<>(byRoot.values());
        }

        /** Whether both ends of the copy are in slots of {@code group}. */
        boolean bothIn(Inst copy, List<Slot> group) {
            Use[] e = ends.get(copy);
            return e != null && e[0] != null && e[1] != null && group.contains(e[0].slot()) && group.contains(e[1].slot());
        }

        /** Whether the copy is between two slots of {@code group} at the same offset, as the group joined them. */
        boolean within(Inst copy, List<Slot> group) {
            Use[] e = ends.get(copy);
            return bothIn(copy, group) && e[0].slot() != e[1].slot() && e[0].offset() == e[1].offset();
        }

        Use dst(Inst copy) { return ends.get(copy)[0]; }

        Use src(Inst copy) { return ends.get(copy)[1]; }
    }
}
