package dev.rivet.emulator;

import dev.rivet.boards.Board;
import dev.rivet.boards.Console;
import dev.rivet.boards.InitStep;
import dev.rivet.boards.RegisterCondition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The stand-in for a board's peripherals: a register file in which every register reads back
 * what was last written to it, with three exceptions taken from the board file:
 *
 * <ul>
 *   <li>a byte written to the console UART's transmit data register goes to the console stream;
 *   <li>the UART's "ready" and "done" conditions always hold, so transmit loops never spin;
 *   <li>every register a set-up {@code wait} step polls reads as already satisfied.
 * </ul>
 *
 * That is enough for start-up code, console output and GPIO toggling to run unchanged.
 */
final class PeripheralBus {
    /** Observes every peripheral access (for --trace-mmio). */
    interface Listener {
        void access(boolean write, long address, int size, long value);
    }

    private final Map<Long, Long> registers = new HashMap<>();
    /** Per word address: bits forced on reads, as (mask, value). */
    private final Map<Long, long[]> forced = new HashMap<>();
    private final long txData;
    private final OutputStream console;
    private MmioListener listener;

    PeripheralBus(Board board, OutputStream console) {
        this.console = console;
        if (board.console() instanceof Console.Uart u) {
            txData = u.txDataAddress();
            force(u.base() + u.txReady().offset(), u.txReady());
            u.txDone().ifPresent(done -> force(u.base() + done.offset(), done));
            u.init().forEach(this::forceWait);
        } else {
            txData = -1;
        }
        board.led().ifPresent(led -> led.init().forEach(this::forceWait));
    }

    private void forceWait(InitStep step) {
        if (step instanceof InitStep.Wait w) force(w.address(), new RegisterCondition(0, w.mask(), w.value()));
    }

    private void force(long address, RegisterCondition c) {
        long[] f = forced.computeIfAbsent(address & ~3L, a -> new long[2]);
        f[0] |= c.mask();
        f[1] = (f[1] & ~c.mask()) | c.value();
    }

    void setListener(MmioListener listener) { this.listener = listener; }

    long read(long address, int size) {
        long word = address & ~3L;
        long value = registers.getOrDefault(word, 0L);
        long[] f = forced.get(word);
        if (f != null) value = (value & ~f[0]) | f[1];
        long result = extract(value, address, size);
        if (listener != null) listener.access(false, address, size, result);
        return result;
    }

    void write(long address, int size, long value) {
        long word = address & ~3L;
        int shift = (int) (address & 3) * 8;
        long mask = (size >= 4 ? 0xFFFF_FFFFL : (1L << (size * 8)) - 1) << shift;
        long old = registers.getOrDefault(word, 0L);
        registers.put(word, (old & ~mask) | ((value << shift) & mask));
        if (listener != null) listener.access(true, address, size, value & (mask >>> shift));
        if (word == txData) emit((int) value & 0xFF);
    }

    private static long extract(long word, long address, int size) {
        int shift = (int) (address & 3) * 8;
        long mask = size >= 4 ? 0xFFFF_FFFFL : (1L << (size * 8)) - 1;
        return (word >>> shift) & mask;
    }

    private void emit(int b) {
        try {
            console.write(b);
            if (b == '\n') console.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
