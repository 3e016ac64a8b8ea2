package dev.rivet.flasher;

import java.io.IOException;

/**
 * The device end of a link with a simulator's line faults: the n-th byte received is lost, the
 * n-th byte sent has a bit flipped ({@link Faults#dropReceived()}, {@link Faults#corruptSent()}).
 */
public final class FaultyLink implements SerialLink {
    private final SerialLink inner;
    private final Faults faults;
    private long received, sent;

    public FaultyLink(SerialLink inner, Faults faults) {
        this.inner = inner;
        this.faults = faults;
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        while (true) {
            int b = inner.read(timeoutMillis);
            if (b < 0 || !faults.dropReceived().contains(++received)) return b;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        byte[] b = bytes.clone();
        for (int i = 0; i < b.length; i++)
            if (faults.corruptSent().contains(++sent)) b[i] ^= 0x10;
        inner.write(b);
    }

    @Override
    public void drain() throws IOException { inner.drain(); }

    @Override
    public void setBaud(int baud) throws IOException { inner.setBaud(baud); }

    @Override
    public String name() { return inner.name(); }

    @Override
    public void close() throws IOException { inner.close(); }
}
