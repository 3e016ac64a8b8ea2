package dev.rivet.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A function: blocks (the first is the entry, whose parameters are the function's), stack
 * slots and attributes. A function without blocks is an external declaration.
 */
public final class Function {
    /** Inlining advice from the source ({@code #[inline]}, {@code #[inline(never)]}). */
    public enum Inline { DEFAULT, HINT, NEVER }

    public final String name;
    public final List<Type> params;
    public final Type ret;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();

    /** Visible to the linker under its own name ({@code #[no_mangle]}, entry points). */
    public boolean exported;
    /** Never returns (panic handlers, exit). */
    public boolean noreturn;
    public Inline inline = Inline.DEFAULT;
    /** Output section override ({@code #[link_section]}), or null. */
    public String section;

    public Function(String name, List<Type> params, Type ret) {
        this.name = name;
        this.params = List.copyOf(params);
        this.ret = ret;
    }

    public Signature signature() { return new Signature(params, ret); }

    public boolean isDeclaration() { return blocks.isEmpty(); }

    /** The blocks, mutable; each call counts as visiting them all ({@link Work}). */
    public List<Block> blocks() {
        Work.add(blocks.size());
        return blocks;
    }

    public List<Slot> slots() { return slots; }

    public Block entry() { return blocks.getFirst(); }

    /** Adds a block; the first block added gets the function's parameters. */
    public Block addBlock() {
        Block b = new Block();
        b.function = this;
        if (blocks.isEmpty()) for (Type t : params) b.addParam(t);
        b.index = blocks.size();
        blocks.add(b);
        return b;
    }

    /** Appends a block built elsewhere (the parser's forward-referenced blocks), keeping its parameters. */
    void appendBlock(Block b) {
        b.function = this;
        b.index = blocks.size();
        blocks.add(b);
    }

    public Slot addSlot(int size, int align) {
        Slot s = new Slot(size, align);
        s.index = slots.size();
        slots.add(s);
        return s;
    }

    /** Renumbers blocks and slots after passes removed some. */
    public void renumber() {
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).index = i;
            blocks.get(i).function = this;
        }
        for (int i = 0; i < slots.size(); i++) slots.get(i).index = i;
    }

    /** Every instruction, block by block. */
    public List<Inst> instructions() {
        List<Inst> all = new ArrayList<>();
        for (Block b : blocks) all.addAll(b.insts());
        return all;
    }

    /** Replaces every use of {@code from} in the function with {@code to}. */
    public void replaceAllUses(Value from, Value to) {
        for (Block b : blocks) for (Inst i : b.insts()) i.replaceUses(from, to);
    }
}
