package dev.rivet.flasher;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A link that moves bytes no faster than a UART at a given line rate would: each byte costs
 * {@code bitsPerByte} bit times (10 for 8N1, 11 for 8E1) in each direction. Simulators use it
 * on pseudo-terminals, which have no line rate, so that flashing speed can be measured against
 * what a real line allows. A baud-rate change the protocol negotiates changes the pace.
 */
public final class PacedLink implements SerialLink {
    private final SerialLink inner;
    private final int bitsPerByte;
    private volatile long byteNanos;
    private long nextSendAt, nextArrivalAt;

    public PacedLink(SerialLink inner, int baud, int bitsPerByte) {
        this.inner = inner;
        this.bitsPerByte = bitsPerByte;
        setBaud(baud);
    }

    @Override
    public void setBaud(int baud) {
        byteNanos = 1_000_000_000L * bitsPerByte / baud;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        long now = System.nanoTime();
        nextSendAt = Math.max(nextSendAt, now) + bytes.length * byteNanos;
        waitUntil(nextSendAt); // the last byte has left the shift register
        inner.write(bytes);
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        int b = inner.read(timeoutMillis);
        if (b < 0) return b;
        long now = System.nanoTime();
        // the byte has arrived once its bit times have passed, after the previous byte or from now
        nextArrivalAt = Math.max(nextArrivalAt, now) + byteNanos;
        waitUntil(nextArrivalAt);
        return b;
    }

    /** Sleeps in slices of at least a millisecond, so that short byte times add up instead of rounding away. */
    private static void waitUntil(long deadline) {
        for (long left; (left = deadline - System.nanoTime()) > 1_000_000; ) LockSupport.parkNanos(left);
    }

    @Override
    public void drain() throws IOException { inner.drain(); }

    @Override
    public String name() { return inner.name(); }

    @Override
    public void close() throws IOException { inner.close(); }
}
