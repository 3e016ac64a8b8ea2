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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Cost: linear in the function. The uses of every slot are found in one walk; splitting a
 * group rewrites its uses and patches the use lists of the slots its copies reach outside it
 * (rather than walking the function again); new instructions are collected per anchor and put
 * into the blocks once at the end, since inserting one at a time costs the block's length each.
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
        Addresses owners = new Addresses(f, addrs);
        Map<Slot, List<Use>> candidates = owners.uses(f);
        CopyEnds ends = new CopyEnds(candidates);
        Insertions edits = new Insertions();
        boolean changed = false;
        for (List<Slot> group : ends.groups()) {
            if (splitGroup(f, group, candidates, owners, ends, edits)) changed = true;
            else if (group.size() > 1) // each alone, its copies within the group now counting as outside ones
                for (Slot s : group) changed |= splitGroup(f, List.of(s), candidates, owners, ends, edits);
        }
        edits.apply(f);
        if (changed) Dce.run(f); // the old address arithmetic is now dead
        f.renumber();
    }

    /** Splits the group if it can; its slots' use lists are current (patched by the splits before). */
    private static boolean splitGroup(Function f, List<Slot> group, Map<Slot, List<Use>> candidates, Addresses owners,
                                      CopyEnds ends, Insertions edits) {
        List<Use> uses = new ArrayList<>();
        for (Slot s : group) {
            List<Use> own = candidates.get(s);
            if (own == null) return false;
            uses.addAll(own);
        }
        Set<Slot> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(group);
        TreeMap<Long, Field> fields = fields(group.getFirst().size, members, uses, ends);
        if (fields == null) return false;
        // A slot that is one field already is still rewritten: its accesses through ptradd become direct, which Mem2Reg needs
        new Splitter(f, members, fields, ends, edits, candidates, owners).split(uses);
        return true;
    }

    /** Which slot, and where in it, each address derived from a slot through constant ptradds points. */
    private static final class Addresses {
        private record Owner(Slot slot, long offset) {}

        private final Map<Value, Owner> owner = new IdentityHashMap<>();

        Addresses(Function f, Map<Slot, List<Inst>> addrs) {
            Map<Value, List<Inst>> derived = new IdentityHashMap<>();
            for (Block b : f.blocks())
                for (Inst i : b.insts())
                    if (i.op == Op.PTRADD && i.arg(1) instanceof Inst c && c.isConst())
                        derived.computeIfAbsent(i.arg(0), k -> new ArrayList<>()).add(i);
            Deque<Value> work = new ArrayDeque<>();
            for (Slot s : f.slots())
                for (Inst a : addrs.getOrDefault(s, List.of())) {
                    owner.put(a, new Owner(s, 0));
                    work.add(a);
                }
            while (!work.isEmpty()) {
                Value base = work.pop();
                Owner o = owner.get(base);
                for (Inst p : derived.getOrDefault(base, List.of())) {
                    if (owner.containsKey(p)) continue;
                    owner.put(p, new Owner(o.slot(), o.offset() + Type.I32.signed(((Inst) p.arg(1)).imm)));
                    work.add(p);
                }
            }
        }

        /** The slot an address points into, or null. */
        Slot slotOf(Value v) {
            Owner o = owner.get(v);
            return o == null ? null : o.slot();
        }

        /**
         * Every use of each slot's address through constant ptradds, in instruction order, for
         * the slots whose address never escapes, in slot order.
         */
        Map<Slot, List<Use>> uses(Function f) {
            Map<Slot, List<Use>> uses = new IdentityHashMap<>();
            Set<Slot> escaped = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Block b : f.blocks())
                for (Inst i : b.insts()) {
                    for (int k = 0; k < i.args.size(); k++) {
                        Owner o = owner.get(i.arg(k));
                        if (o == null || escaped.contains(o.slot())) continue;
                        boolean ok = switch (i.op) {
                            case LOAD -> !i.isVolatile;
                            case STORE -> !i.isVolatile && k == 1;
                            case COPY, FILL -> k == 0 || (i.op == Op.COPY && k == 1);
                            case PTRADD -> k == 0 && owner.containsKey(i);
                            default -> false;
                        };
                        if (!ok) escaped.add(o.slot());
                        else if (i.op != Op.PTRADD) uses.computeIfAbsent(o.slot(), x -> new ArrayList<>()).add(new Use(o.slot(), i, k, o.offset()));
                    }
                    for (Target t : i.targets) for (Value v : t.args) if (owner.containsKey(v)) escaped.add(owner.get(v).slot());
                }
            Map<Slot, List<Use>> candidates = new LinkedHashMap<>();
            for (Slot s : f.slots()) if (!escaped.contains(s)) candidates.put(s, uses.getOrDefault(s, new ArrayList<>()));
            return candidates;
        }
    }

    /**
     * The scalar fields the group's loads and stores use, or null if they conflict or overlap,
     * leave a slot, or a copy to or from outside touches bytes no field covers. (A fill need not
     * be covered: the bytes it sets outside fields are observed only by such a copy.)
     */
    private static TreeMap<Long, Field> fields(long size, Set<Slot> group, List<Use> uses, CopyEnds ends) {
        TreeMap<Long, Field> fields = new TreeMap<>(); // CopyEnds groups slots of one size only: size is each one's
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
        private final Set<Slot> group;
        private final TreeMap<Long, Field> fields;
        private final CopyEnds ends;
        private final Insertions edits;
        private final Map<Slot, List<Use>> candidates;
        private final Addresses owners;
        private final Map<Slot, Map<Long, Slot>> parts = new IdentityHashMap<>();

        Splitter(Function f, Set<Slot> group, TreeMap<Long, Field> fields, CopyEnds ends, Insertions edits,
                 Map<Slot, List<Use>> candidates, Addresses owners) {
            this.f = f;
            this.group = group;
            this.fields = fields;
            this.ends = ends;
            this.edits = edits;
            this.candidates = candidates;
            this.owners = owners;
        }

        void split(List<Use> uses) {
            for (Use u : uses) {
                Inst i = u.inst();
                if (edits.removed(i)) continue; // a copy already expanded through its other operand
                switch (i.op) {
                    case LOAD, STORE -> i.args.set(u.operand(), partAddr(i, u.slot(), u.offset()));
                    case COPY -> expandCopy(i, u);
                    case FILL -> expandFill(i, u);
                    default -> throw new IllegalStateException("unexpected use " + i.op);
                }
            }
            f.slots().removeIf(group::contains);
        }

        private Inst partAddr(Inst before, Slot slot, long offset) {
            Slot part = parts.computeIfAbsent(slot, k -> new TreeMap<>()).computeIfAbsent(offset, o -> {
                int bytes = fields.get(o).type().bytes();
                return f.addSlot(bytes, bytes);
            });
            return edits.before(before, Inst.slotaddr(part));
        }

        /**
         * One load and store per field the copy spans; each side is a part of a split slot or an
         * address outside. An outside address in another candidate slot gets the new loads or
         * stores as its uses in place of the copy.
         */
        private void expandCopy(Inst copy, Use u) {
            boolean within = ends.within(copy, group);
            Use dst = u.operand() == 0 ? u : within ? ends.dst(copy) : null;
            Use src = u.operand() == 1 ? u : within ? ends.src(copy) : null;
            List<Use> outsideUses = new ArrayList<>();
            long base = u.offset();
            for (Field fl : fields.subMap(base, true, base + copy.imm, false).values()) {
                long delta = fl.offset() - base;
                Value from = src != null ? partAddr(copy, src.slot(), src.offset() + delta) : outside(copy, copy.arg(1), delta);
                Inst load = edits.before(copy, Inst.load(fl.type(), from, false));
                if (src == null) outsideUses.add(new Use(null, load, 0, delta));
                Value to = dst != null ? partAddr(copy, dst.slot(), dst.offset() + delta) : outside(copy, copy.arg(0), delta);
                Inst store = edits.before(copy, Inst.store(load, to, false));
                if (dst == null) outsideUses.add(new Use(null, store, 1, delta));
            }
            edits.remove(copy);
            patchOutside(copy, outsideUses);
        }

        /** The slot outside the group that the copy reads or writes (if a candidate) now has these loads and stores instead. */
        private void patchOutside(Inst copy, List<Use> fresh) {
            for (int k = 0; k < 2; k++) {
                Slot other = owners.slotOf(copy.arg(k));
                List<Use> list = other == null || group.contains(other) ? null : candidates.get(other);
                if (list == null) continue;
                for (int at = 0; at < list.size(); at++) {
                    Use old = list.get(at);
                    if (old.inst() != copy || old.operand() != k) continue;
                    List<Use> now = new ArrayList<>();
                    for (Use n : fresh)
                        if (n.operand() == (k == 0 ? 1 : 0)) now.add(new Use(other, n.inst(), n.operand(), old.offset() + n.offset()));
                    list.remove(at);
                    list.addAll(at, now);
                    break;
                }
            }
        }

        private Inst outside(Inst before, Value base, long delta) {
            Inst off = edits.before(before, Inst.constant(Type.I32, delta));
            return edits.before(before, new Inst(Op.PTRADD, Type.PTR, base, off));
        }

        private void expandFill(Inst fill, Use u) {
            long pattern = ((Inst) fill.arg(1)).imm & 0xFF; // constant: checked by fields()
            for (Field fl : fields.subMap(u.offset(), true, u.offset() + fill.imm, false).values()) {
                long v = 0;
                for (int k = 0; k < fl.type().bytes(); k++) v |= pattern << (8 * k);
                Inst value = edits.before(fill, Inst.constant(fl.type(), v));
                Inst part = partAddr(fill, u.slot(), fl.offset());
                edits.before(fill, Inst.store(value, part, false));
            }
            edits.remove(fill);
        }
    }

    /**
     * Instructions to insert, each before an anchor (an instruction of the function, or one
     * inserted before), and instructions to remove; {@link #apply} rebuilds each block once.
     * Inserting before an anchor places after what was inserted there earlier, as
     * {@link Block#insert} at the anchor's index would; an instruction without a source
     * location takes the anchor's.
     */
    private static final class Insertions {
        private final Map<Inst, List<Inst>> before = new IdentityHashMap<>();
        private final Set<Inst> removed = Collections.newSetFromMap(new IdentityHashMap<>());

        Inst before(Inst anchor, Inst i) {
            if (i.loc == null) i.loc = anchor.loc;
            before.computeIfAbsent(anchor, k -> new ArrayList<>()).add(i);
            return i;
        }

        void remove(Inst i) { removed.add(i); }

        boolean removed(Inst i) { return removed.contains(i); }

        void apply(Function f) {
            if (before.isEmpty() && removed.isEmpty()) return;
            for (Block b : f.blocks()) {
                List<Inst> out = new ArrayList<>(b.insts().size());
                for (Inst i : b.insts()) emit(i, out);
                b.setInsts(out);
            }
            for (Inst i : removed) if (i.block() != null) throw new IllegalStateException("removed instruction still placed");
        }

        private void emit(Inst i, List<Inst> out) {
            for (Inst x : before.getOrDefault(i, List.of())) emit(x, out);
            if (!removed.contains(i)) out.add(i);
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
            Slot r = s;
            while (parent.get(r) != r) r = parent.get(r);
            for (Slot x = s; x != r; ) { // path compression: long chains of copies stay cheap
                Slot next = parent.get(x);
                parent.put(x, r);
                x = next;
            }
            return r;
        }

        /** The groups, each in slot order, in the order of their first slots. */
        List<List<Slot>> groups() {
            Map<Slot, List<Slot>> byRoot = new LinkedHashMap<>();
            for (Slot s : parent.keySet()) byRoot.computeIfAbsent(root(s), k -> new ArrayList<>()).add(s);
            return new ArrayList<>(byRoot.values());
        }

        /** Whether both ends of the copy are in slots of {@code group}. */
        boolean bothIn(Inst copy, Set<Slot> group) {
            Use[] e = ends.get(copy);
            return e != null && e[0] != null && e[1] != null && group.contains(e[0].slot()) && group.contains(e[1].slot());
        }

        /** Whether the copy is between two slots of {@code group} at the same offset, as the group joined them. */
        boolean within(Inst copy, Set<Slot> group) {
            Use[] e = ends.get(copy);
            return bothIn(copy, group) && e[0].slot() != e[1].slot() && e[0].offset() == e[1].offset();
        }

        Use dst(Inst copy) { return ends.get(copy)[0]; }

        Use src(Inst copy) { return ends.get(copy)[1]; }
    }
}
