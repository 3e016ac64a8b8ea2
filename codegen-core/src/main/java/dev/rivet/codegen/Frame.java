package dev.rivet.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * A function's stack frame, from high to low addresses:
 *
 * <pre>
 *   incoming stack arguments          (caller's outgoing area)
 *   saved registers                   (pushed by the prologue: callee-saved registers, return address)
 *   locals and spill slots
 *   outgoing arguments of calls       &lt;- SP after the prologue
 * </pre>
 *
 * Offsets are from the stack pointer after the prologue, so every access is SP-relative and
 * no frame pointer is needed. The total is rounded to the ABI's stack alignment.
 */
public final class Frame {
    private final List<StackObject> objects = new ArrayList<>();
    /** Bytes needed for the largest outgoing argument area of any call. */
    public int outgoingArgs;
    /** Bytes the prologue's save instruction pushes (set by the ISA). */
    public int savedBytes;
    /** Bytes the prologue subtracts from SP after saving registers. */
    private int localBytes = -1;

    public StackObject local(int size, int align) { return add(new StackObject(objects.size(), StackObject.Kind.LOCAL, size, align, 0)); }

    public StackObject spill(int size) { return add(new StackObject(objects.size(), StackObject.Kind.SPILL, size, size, 0)); }

    public StackObject incomingArg(int offset, int size) {
        return add(new StackObject(objects.size(), StackObject.Kind.INCOMING_ARG, size, size, offset));
    }

    private StackObject add(StackObject o) {
        objects.add(o);
        return o;
    }

    public List<StackObject> objects() { return objects; }

    /**
     * Assigns offsets. Spill slots and small locals go nearest to SP, where the short SP-relative
     * encodings reach them; big arrays go last.
     *
     * @param stackAlign the ABI's stack alignment at calls
     * @param minAlign   the alignment every object gets at least (so SP-relative word forms fit)
     */
    public void layout(int stackAlign, int minAlign) {
        int at = align(outgoingArgs, 4);
        List<StackObject> locals = new ArrayList<>();
        for (StackObject o : objects) if (o.kind != StackObject.Kind.INCOMING_ARG) locals.add(o);
        locals.sort((a, b) -> a.kind != b.kind ? (a.kind == StackObject.Kind.SPILL ? -1 : 1) : Integer.compare(a.size, b.size));
        for (StackObject o : locals) {
            at = align(at, Math.max(o.align, minAlign));
            o.offset = at;
            at += o.size;
        }
        int total = align(at + savedBytes, stackAlign);
        localBytes = total - savedBytes;
        for (StackObject o : objects)
            if (o.kind == StackObject.Kind.INCOMING_ARG) o.offset = localBytes + savedBytes + o.incomingOffset;
    }

    /** Bytes to subtract from SP after the register save. */
    public int localBytes() {
        if (localBytes < 0) throw new IllegalStateException("frame not laid out yet");
        return localBytes;
    }

    static int align(int v, int a) { return (v + a - 1) / a * a; }
}
