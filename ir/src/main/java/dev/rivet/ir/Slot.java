package dev.rivet.ir;

/** A stack slot: {@code size} bytes of the function's frame, aligned to {@code align}. */
public final class Slot {
    public final int size;
    public final int align;
    /** Index in the function's slot list; kept in order by {@link Function#renumber()}. */
    int index;

    public Slot(int size, int align) {
        if (size < 0 || Integer.bitCount(align) != 1) throw new IllegalArgumentException("bad slot " + size + "/" + align);
        this.size = size;
        this.align = align;
    }

    public int index() { return index; }
}
