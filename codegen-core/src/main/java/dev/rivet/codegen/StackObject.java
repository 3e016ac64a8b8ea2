package dev.rivet.codegen;

/**
 * A piece of the stack frame: an IR stack slot, a spill slot, or an incoming stack argument.
 * Its offset from the stack pointer is fixed by {@link Frame#layout}.
 */
public final class StackObject {
    public enum Kind { LOCAL, SPILL, INCOMING_ARG }

    public final Kind kind;
    public final int size;
    public final int align;
    /** For incoming arguments: the offset in the caller's outgoing area. */
    public final int incomingOffset;
    /** Its number in the frame, for listings. */
    public final int id;
    /** Offset from SP after the prologue; set by layout. */
    int offset = -1;

    StackObject(int id, Kind kind, int size, int align, int incomingOffset) {
        this.id = id;
        this.kind = kind;
        this.size = size;
        this.align = align;
        this.incomingOffset = incomingOffset;
    }

    public int offset() {
        if (offset < 0) throw new IllegalStateException("frame not laid out yet");
        return offset;
    }

    /** {@code slot3}: the name listings of machine code give it. */
    @Override
    public String toString() { return "slot" + id; }
}
