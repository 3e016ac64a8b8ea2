package dev.rivet.emulator.unicorn;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Downcall handles into {@code libunicorn.so.2}, one per C function, with the C signatures of
 * Unicorn 2.0 spelled out as FFM function descriptors. {@code size_t} and {@code uc_hook} are
 * 64-bit on the only host rivet supports (x86-64/aarch64 Linux).
 */
final class UnicornNative {
    static final String LIBRARY = "libunicorn.so.2";
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = load();

    static final MethodHandle OPEN = fn("uc_open", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    static final MethodHandle CLOSE = fn("uc_close", JAVA_INT, ADDRESS);
    static final MethodHandle STRERROR = fn("uc_strerror", ADDRESS, JAVA_INT);
    static final MethodHandle VERSION = fn("uc_version", JAVA_INT, ADDRESS, ADDRESS);
    /** uc_ctl(uc, control, int) — the only variadic form rivet needs (CPU model). */
    static final MethodHandle CTL_INT = LINKER.downcallHandle(LOOKUP.findOrThrow("uc_ctl"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    static final MethodHandle MEM_MAP = fn("uc_mem_map", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT);
    static final MethodHandle MEM_MAP_PTR = fn("uc_mem_map_ptr", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS);
    static final MethodHandle MMIO_MAP = fn("uc_mmio_map", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    static final MethodHandle MEM_UNMAP = fn("uc_mem_unmap", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG);
    static final MethodHandle MEM_PROTECT = fn("uc_mem_protect", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT);
    static final MethodHandle MEM_READ = fn("uc_mem_read", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG);
    static final MethodHandle MEM_WRITE = fn("uc_mem_write", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG);
    static final MethodHandle REG_READ = fn("uc_reg_read", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
    static final MethodHandle REG_WRITE = fn("uc_reg_write", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
    static final MethodHandle EMU_START = fn("uc_emu_start", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    static final MethodHandle EMU_STOP = fn("uc_emu_stop", JAVA_INT, ADDRESS);
    /** uc_hook_add(uc, &hh, type, cb, user_data, begin, end) — called without variadic extras. */
    static final MethodHandle HOOK_ADD = LINKER.downcallHandle(LOOKUP.findOrThrow("uc_hook_add"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(7));
    static final MethodHandle HOOK_DEL = fn("uc_hook_del", JAVA_INT, ADDRESS, JAVA_LONG);
    static final MethodHandle CONTEXT_ALLOC = fn("uc_context_alloc", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle CONTEXT_SAVE = fn("uc_context_save", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle CONTEXT_RESTORE = fn("uc_context_restore", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle CONTEXT_FREE = fn("uc_context_free", JAVA_INT, ADDRESS);

    /** void (*)(uc_engine *uc, uint64_t address, uint32_t size, void *user_data) */
    static final FunctionDescriptor CODE_CB = FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS);
    /** void (*)(uc_engine *uc, uint32_t intno, void *user_data) */
    static final FunctionDescriptor INTR_CB = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS);
    /** bool (*)(uc_engine *uc, void *user_data) */
    static final FunctionDescriptor INSN_INVALID_CB = FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS);
    /** bool (*)(uc_engine *uc, uc_mem_type type, uint64_t address, int size, int64_t value, void *user_data) */
    static final FunctionDescriptor MEM_INVALID_CB =
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);
    /** void (*)(uc_engine *uc, uc_mem_type type, uint64_t address, int size, int64_t value, void *user_data) */
    static final FunctionDescriptor MEM_CB =
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);
    /** uint64_t (*)(uc_engine *uc, uint64_t offset, unsigned size, void *user_data) */
    static final FunctionDescriptor MMIO_READ_CB = FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS);
    /** void (*)(uc_engine *uc, uint64_t offset, unsigned size, uint64_t value, void *user_data) */
    static final FunctionDescriptor MMIO_WRITE_CB = FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);

    private UnicornNative() {}

    private static SymbolLookup load() {
        try {
            return SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new UnicornException("cannot load " + LIBRARY + ": install the Debian package libunicorn2 "
                    + "(apt-get install libunicorn2)");
        }
    }

    private static MethodHandle fn(String name, java.lang.foreign.MemoryLayout ret, java.lang.foreign.MemoryLayout... args) {
        return LINKER.downcallHandle(LOOKUP.findOrThrow(name), FunctionDescriptor.of(ret, args));
    }

    /**
     * Makes an upcall stub for {@code target}'s method {@code name}, living as long as {@code arena}.
     * {@code lookup} must be able to see the method (the caller passes its own).
     */
    static MemorySegment upcall(MethodHandles.Lookup lookup, Object target, String name,
                                FunctionDescriptor descriptor, Arena arena) {
        try {
            MethodType type = descriptor.toMethodType();
            MethodHandle handle = lookup.findVirtual(target.getClass(), name, type).bindTo(target);
            return LINKER.upcallStub(handle, descriptor, arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("hook adapter method missing: " + name, e);
        }
    }

    /** uc_strerror's text for an error code. */
    static String strerror(int code) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(code);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "unicorn error " + code;
        }
    }
}
