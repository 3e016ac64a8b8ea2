package dev.rivet.emulator.unicorn;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One Unicorn engine, driven through Java's FFM API.
 *
 * <p>Invariants: every native resource (the engine, hook trampolines, contexts, memory handed to
 * {@link #mapPointer}) belongs to this object's arena and is released by {@link #close()}; after
 * close every call fails. Hooks run Java code on the thread that called {@link #start}: an
 * exception thrown by a hook is caught before it can cross into C (which would kill the JVM),
 * emulation is stopped, and the exception is rethrown from {@link #start}.
 */
public final class Unicorn implements AutoCloseable {
    public static final int ARCH_ARM = 1;
    public static final int ARCH_RISCV = 8;
    public static final int MODE_THUMB = 1 << 4;
    public static final int MODE_MCLASS = 1 << 5;
    public static final int MODE_RISCV32 = 1 << 2;

    public static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, PROT_ALL = 7;

    static final int HOOK_INTR = 1, HOOK_CODE = 1 << 2, HOOK_BLOCK = 1 << 3;
    static final int HOOK_MEM_UNMAPPED = (1 << 4) | (1 << 5) | (1 << 6);
    static final int HOOK_MEM_PROT = (1 << 7) | (1 << 8) | (1 << 9);
    static final int HOOK_MEM_READ = 1 << 10, HOOK_MEM_WRITE = 1 << 11;
    static final int HOOK_INSN_INVALID = 1 << 14;
    private static final int CTL_WRITE_CPU_MODEL = 7 | (1 << 26) | (1 << 30);

    private static final java.lang.invoke.MethodHandles.Lookup LOOKUP = java.lang.invoke.MethodHandles.lookup();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment engine;
    private final List<MemorySegment> contexts = new ArrayList<>();
    private Throwable hookFailure;
    private boolean closed;

    /** Opens an engine; {@code cpuModel} is a UC_CPU_* value or -1 for Unicorn's default. */
    public Unicorn(int arch, int mode, int cpuModel) {
        MemorySegment handle = arena.allocate(ADDRESS);
        try {
            check((int) UnicornNative.OPEN.invokeExact(arch, mode, handle), "uc_open");
        } catch (UnicornException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw wrap(t);
        }
        engine = handle.get(ADDRESS, 0);
        if (cpuModel >= 0) {
            try {
                check((int) UnicornNative.CTL_INT.invokeExact(engine, CTL_WRITE_CPU_MODEL, cpuModel), "select CPU model");
            } catch (Throwable t) {
                close();
                throw wrap(t);
            }
        }
    }

    /** Unicorn's version as "major.minor". */
    public static String version() {
        try {
            int v = (int) UnicornNative.VERSION.invokeExact(MemorySegment.NULL, MemorySegment.NULL);
            return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF);
        } catch (Throwable t) {
            throw wrap(t);
        }
    }

    // ---- memory ----

    public void map(long address, long size, int perms) {
        call("uc_mem_map " + range(address, size), () -> (int) UnicornNative.MEM_MAP.invokeExact(engine(), address, size, perms));
    }

    /**
     * Maps {@code size} bytes at every address in {@code addresses}, all backed by the same host
     * memory, so that a write through one address is visible through the others (flash aliases).
     * Returns the backing memory, which lives until {@link #close()}.
     */
    public MemorySegment mapShared(long[] addresses, long size, int perms) {
        MemorySegment backing = arena.allocate(size, 4096);
        for (long address : addresses) mapPointer(address, backing, perms);
        return backing;
    }

    private void mapPointer(long address, MemorySegment backing, int perms) {
        long size = backing.byteSize();
        call("uc_mem_map_ptr " + range(address, size),
                () -> (int) UnicornNative.MEM_MAP_PTR.invokeExact(engine(), address, size, perms, backing));
    }

    /** Maps a device: every access in the range calls {@code device}. */
    public void mapMmio(long address, long size, Hooks.Mmio device) {
        MmioAdapter adapter = new MmioAdapter(device);
        MemorySegment read = UnicornNative.upcall(LOOKUP, adapter, "read", UnicornNative.MMIO_READ_CB, arena);
        MemorySegment write = UnicornNative.upcall(LOOKUP, adapter, "write", UnicornNative.MMIO_WRITE_CB, arena);
        call("uc_mmio_map " + range(address, size), () -> (int) UnicornNative.MMIO_MAP.invokeExact(
                engine(), address, size, read, MemorySegment.NULL, write, MemorySegment.NULL));
    }

    public void unmap(long address, long size) {
        call("uc_mem_unmap " + range(address, size), () -> (int) UnicornNative.MEM_UNMAP.invokeExact(engine(), address, size));
    }

    public void protect(long address, long size, int perms) {
        call("uc_mem_protect " + range(address, size),
                () -> (int) UnicornNative.MEM_PROTECT.invokeExact(engine(), address, size, perms));
    }

    public byte[] read(long address, int length) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, length));
            call("uc_mem_read " + range(address, length),
                    () -> (int) UnicornNative.MEM_READ.invokeExact(engine(), address, buf, (long) length));
            return buf.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public void write(long address, byte[] bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
            call("uc_mem_write " + range(address, bytes.length),
                    () -> (int) UnicornNative.MEM_WRITE.invokeExact(engine(), address, buf, (long) bytes.length));
        }
    }

    /** Reads a little-endian 32-bit word. */
    public long readWord(long address) {
        byte[] b = read(address, 4);
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    /** Reads a little-endian 16-bit halfword. */
    public int readHalf(long address) {
        byte[] b = read(address, 2);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    // ---- registers ----

    /** Reads a register as an unsigned 32-bit value (all registers rivet uses are 32-bit). */
    public long reg(int regid) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            call("uc_reg_read " + regid, () -> (int) UnicornNative.REG_READ.invokeExact(engine(), regid, v));
            return v.get(JAVA_INT, 0) & 0xFFFF_FFFFL;
        }
    }

    public void setReg(int regid, long value) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            v.set(JAVA_LONG, 0, value & 0xFFFF_FFFFL);
            call("uc_reg_write " + regid, () -> (int) UnicornNative.REG_WRITE.invokeExact(engine(), regid, v));
        }
    }

    // ---- running ----

    /**
     * Runs from {@code begin} until {@code until} is reached, {@link #stop()} is called, or an
     * error stops the CPU. {@code count} limits the instructions executed (0 = no limit).
     * Returns the error that ended the run ({@link UcError#OK} for a normal stop).
     */
    public UcError start(long begin, long until, long count) {
        hookFailure = null;
        int err;
        try {
            err = (int) UnicornNative.EMU_START.invokeExact(engine(), begin, until, 0L, count);
        } catch (Throwable t) {
            throw wrap(t);
        }
        if (hookFailure != null) {
            Throwable f = hookFailure;
            hookFailure = null;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
            throw new UnicornException("hook failed: " + f);
        }
        return UcError.of(err);
    }

    /** Asks the running emulation to stop at the next instruction boundary. Safe to call from hooks. */
    public void stop() {
        call("uc_emu_stop", () -> (int) UnicornNative.EMU_STOP.invokeExact(engine()));
    }

    /** uc_strerror's text for an error. */
    public static String describe(UcError error) {
        return UnicornNative.strerror(error.ordinal());
    }

    // ---- hooks ----

    /** A registered hook; {@link #remove()} unregisters it (its trampoline lives until close). */
    public final class Hook {
        private final long handle;
        private boolean removed;

        private Hook(long handle) { this.handle = handle; }

        public void remove() {
            if (removed || closed) return;
            removed = true;
            call("uc_hook_del", () -> (int) UnicornNative.HOOK_DEL.invokeExact(engine(), handle));
        }
    }

    /** Calls {@code hook} before each instruction in [begin, end] (begin > end: everywhere). */
    public Hook onCode(long begin, long end, Hooks.Code hook) {
        return add(HOOK_CODE, new CodeAdapter(hook), "code", UnicornNative.CODE_CB, begin, end);
    }

    /** Calls {@code hook} at the start of each basic block in [begin, end] (begin > end: everywhere). */
    public Hook onBlock(long begin, long end, Hooks.Code hook) {
        return add(HOOK_BLOCK, new CodeAdapter(hook), "code", UnicornNative.CODE_CB, begin, end);
    }

    public Hook onInterrupt(Hooks.Interrupt hook) {
        return add(HOOK_INTR, new InterruptAdapter(hook), "interrupt", UnicornNative.INTR_CB, 1, 0);
    }

    public Hook onInvalidInstruction(Hooks.InvalidInstruction hook) {
        return add(HOOK_INSN_INVALID, new InvalidInstructionAdapter(hook), "invalid", UnicornNative.INSN_INVALID_CB, 1, 0);
    }

    /** Calls {@code hook} for every unmapped or protection-violating access. */
    public Hook onMemoryFault(Hooks.MemoryFault hook) {
        return add(HOOK_MEM_UNMAPPED | HOOK_MEM_PROT, new MemoryFaultAdapter(hook), "fault",
                UnicornNative.MEM_INVALID_CB, 1, 0);
    }

    /** Calls {@code hook} for reads and/or writes inside [begin, end]. */
    public Hook onMemory(boolean reads, boolean writes, long begin, long end, Hooks.Memory hook) {
        int type = (reads ? HOOK_MEM_READ : 0) | (writes ? HOOK_MEM_WRITE : 0);
        return add(type, new MemoryAdapter(hook), "access", UnicornNative.MEM_CB, begin, end);
    }

    private Hook add(int type, Object adapter, String method, java.lang.foreign.FunctionDescriptor descriptor,
                     long begin, long end) {
        MemorySegment stub = UnicornNative.upcall(LOOKUP, adapter, method, descriptor, arena);
        MemorySegment hh = arena.allocate(JAVA_LONG);
        call("uc_hook_add", () -> (int) UnicornNative.HOOK_ADD.invokeExact(
                engine(), hh, type, stub, MemorySegment.NULL, begin, end));
        return new Hook(hh.get(JAVA_LONG, 0));
    }

    /** Records a hook's exception and stops the run; the exception resurfaces from {@link #start}. */
    private void hookFailed(Throwable t) {
        if (hookFailure == null) hookFailure = t;
        try {
            int ignored = (int) UnicornNative.EMU_STOP.invokeExact(engine);
        } catch (Throwable ignored) {
            // Nothing more can be done inside a callback.
        }
    }

    // Adapters: methods whose Java signatures match the C callback types exactly.
    private final class CodeAdapter {
        private final Hooks.Code hook;
        CodeAdapter(Hooks.Code hook) { this.hook = hook; }

        void code(MemorySegment uc, long address, int size, MemorySegment user) {
            try { hook.onCode(address, size); } catch (Throwable t) { hookFailed(t); }
        }
    }

    private final class InterruptAdapter {
        private final Hooks.Interrupt hook;
        InterruptAdapter(Hooks.Interrupt hook) { this.hook = hook; }

        void interrupt(MemorySegment uc, int intno, MemorySegment user) {
            try { hook.onInterrupt(intno); } catch (Throwable t) { hookFailed(t); }
        }
    }

    private final class InvalidInstructionAdapter {
        private final Hooks.InvalidInstruction hook;
        InvalidInstructionAdapter(Hooks.InvalidInstruction hook) { this.hook = hook; }

        boolean invalid(MemorySegment uc, MemorySegment user) {
            try { return hook.onInvalidInstruction(); } catch (Throwable t) { hookFailed(t); return false; }
        }
    }

    private final class MemoryFaultAdapter {
        private final Hooks.MemoryFault hook;
        MemoryFaultAdapter(Hooks.MemoryFault hook) { this.hook = hook; }

        boolean fault(MemorySegment uc, int type, long address, int size, long value, MemorySegment user) {
            try {
                return hook.onFault(MemoryAccess.of(type), address, size, value);
            } catch (Throwable t) {
                hookFailed(t);
                return false;
            }
        }
    }

    private final class MemoryAdapter {
        private final Hooks.Memory hook;
        MemoryAdapter(Hooks.Memory hook) { this.hook = hook; }

        void access(MemorySegment uc, int type, long address, int size, long value, MemorySegment user) {
            try { hook.onAccess(MemoryAccess.of(type), address, size, value); } catch (Throwable t) { hookFailed(t); }
        }
    }

    private final class MmioAdapter {
        private final Hooks.Mmio device;
        MmioAdapter(Hooks.Mmio device) { this.device = device; }

        long read(MemorySegment uc, long offset, int size, MemorySegment user) {
            try { return device.read(offset, size); } catch (Throwable t) { hookFailed(t); return 0; }
        }

        void write(MemorySegment uc, long offset, int size, long value, MemorySegment user) {
            try { device.write(offset, size, value); } catch (Throwable t) { hookFailed(t); }
        }
    }

    // ---- contexts (CPU registers only; memory is the caller's to snapshot) ----

    /** Saves the CPU state; the returned context is freed by {@link #close()}. */
    public MemorySegment saveContext() {
        MemorySegment holder = arena.allocate(ADDRESS);
        call("uc_context_alloc", () -> (int) UnicornNative.CONTEXT_ALLOC.invokeExact(engine(), holder));
        MemorySegment ctx = holder.get(ADDRESS, 0);
        contexts.add(ctx);
        call("uc_context_save", () -> (int) UnicornNative.CONTEXT_SAVE.invokeExact(engine(), ctx));
        return ctx;
    }

    public void restoreContext(MemorySegment ctx) {
        call("uc_context_restore", () -> (int) UnicornNative.CONTEXT_RESTORE.invokeExact(engine(), ctx));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            for (MemorySegment ctx : contexts) {
                int ignored = (int) UnicornNative.CONTEXT_FREE.invokeExact(ctx);
            }
            int err = (int) UnicornNative.CLOSE.invokeExact(engine);
            if (err != 0) throw new UnicornException(err, "uc_close: " + UnicornNative.strerror(err));
        } catch (UnicornException e) {
            throw e;
        } catch (Throwable t) {
            throw wrap(t);
        } finally {
            arena.close();
        }
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface NativeCall {
        int invoke() throws Throwable;
    }

    private void call(String what, NativeCall c) {
        int err;
        try {
            err = c.invoke();
        } catch (UnicornException e) {
            throw e;
        } catch (Throwable t) {
            throw wrap(t);
        }
        check(err, what);
    }

    private static void check(int err, String what) {
        if (err != 0) throw new UnicornException(err, what + ": " + UnicornNative.strerror(err));
    }

    private MemorySegment engine() {
        if (closed) throw new IllegalStateException("Unicorn engine used after close");
        return engine;
    }

    private static RuntimeException wrap(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new UnicornException("native call failed: " + t);
    }

    private static String range(long address, long size) {
        return String.format("[0x%08x, +0x%x)", address, size);
    }
}
