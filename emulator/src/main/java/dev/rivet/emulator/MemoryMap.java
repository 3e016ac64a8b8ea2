package dev.rivet.emulator;

import dev.rivet.boards.Board;
import dev.rivet.boards.MemoryRegion;
import dev.rivet.boards.PeripheralRange;
import dev.rivet.emulator.unicorn.Unicorn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a board's memory into Unicorn: each physical memory once, at its own address, its
 * aliases and every region that is a view of it, all sharing one host buffer. Unicorn maps whole
 * 4 KiB pages; where a region ends inside a page, the rest of the page is guarded so that an
 * access past the end of, say, a 2 KiB RAM faults as it would on the chip.
 */
final class MemoryMap {
    static final long PAGE = 4096;

    /** One mapping of a region's backing buffer at one address. */
    record Window(MemoryRegion region, long address, MemorySegment backing) {
        boolean contains(long a) { return a >= address && a < address + region.length(); }
    }

    /** Addresses past a region's end but inside its last mapped page. */
    record Guard(MemoryRegion region, long begin, long end) {}

    private final List<Window> windows = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();

    MemoryMap(Board board, Unicorn uc) {
        for (MemoryRegion r : board.memory()) {
            if (!r.isStorage()) continue;
            List<Long> addresses = new ArrayList<>();
            addresses.add(r.origin());
            addresses.addAll(r.aliases());
            for (MemoryRegion view : board.memory())
                if (view.viewOf().filter(r.name()::equals).isPresent()) {
                    addresses.add(view.origin());
                    addresses.addAll(view.aliases());
                }
            long size = roundUp(r.length());
            MemorySegment backing = uc.mapShared(addresses.stream().mapToLong(Long::longValue).toArray(),
                    size, permissions(r));
            for (long a : addresses) {
                windows.add(new Window(r, a, backing));
                if (size > r.length()) guards.add(new Guard(r, a + r.length(), a + size));
            }
        }
    }

    /** Maps each peripheral range as a device served by {@code bus}. */
    static void mapPeripherals(Board board, Unicorn uc, PeripheralBus bus) {
        for (PeripheralRange p : board.peripherals()) {
            long base = p.origin();
            uc.mapMmio(base, roundUp(p.length()), new dev.rivet.emulator.unicorn.Hooks.Mmio() {
                @Override public long read(long offset, int size) { return bus.read(base + offset, size); }
                @Override public void write(long offset, int size, long value) { bus.write(base + offset, size, value); }
            });
        }
    }

    private static int permissions(MemoryRegion r) {
        String a = r.attributes();
        int p = 0;
        if (a.contains("r")) p |= Unicorn.PROT_READ;
        // Flash is not writable by stores on any supported chip, whatever the linker attributes say.
        if (a.contains("w") && r.kind() == MemoryRegion.Kind.RAM) p |= Unicorn.PROT_WRITE;
        if (a.contains("x")) p |= Unicorn.PROT_EXEC;
        return p;
    }

    static long roundUp(long n) { return (n + PAGE - 1) & -PAGE; }

    List<Guard> guards() { return guards; }

    /** The window containing {@code address}, or null. */
    Window windowAt(long address) {
        for (Window w : windows) if (w.contains(address)) return w;
        return null;
    }

    /** Copies {@code bytes} into memory at {@code address}, bypassing protections (flash programming). */
    void load(long address, byte[] bytes) {
        Window w = windowAt(address);
        if (w == null || !w.contains(address + bytes.length - 1))
            throw new IllegalArgumentException(String.format(
                    "image data at 0x%08x..0x%08x is outside the board's memory", address, address + bytes.length));
        MemorySegment.copy(bytes, 0, w.backing(), ValueLayout.JAVA_BYTE, address - w.address(), bytes.length);
    }

    /** Reads memory directly from the backing buffers. */
    byte[] peek(long address, int length) {
        Window w = windowAt(address);
        if (w == null || !w.contains(address + length - 1))
            throw new IllegalArgumentException(String.format("0x%08x is outside the board's memory", address));
        return w.backing().asSlice(address - w.address(), length).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Fills a range with a byte value, e.g. to paint RAM for stack measurement. */
    void fill(long address, long length, byte value) {
        Window w = windowAt(address);
        if (w == null || !w.contains(address + length - 1))
            throw new IllegalArgumentException(String.format("0x%08x is outside the board's memory", address));
        w.backing().asSlice(address - w.address(), length).fill(value);
    }
}
