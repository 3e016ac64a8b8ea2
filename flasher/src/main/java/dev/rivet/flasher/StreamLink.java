package dev.rivet.flasher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A link over an input and an output stream (a pseudo-terminal opened as files, or pipes in
 * tests). A reader thread moves incoming bytes into a queue so that reads can time out.
 */
public final class StreamLink implements SerialLink {
    private final String name;
    private final OutputStream out;
    private final InputStream in;
    private final BlockingQueue<Integer> incoming = new LinkedBlockingQueue<>();
    private final Thread reader;

    public StreamLink(String name, InputStream in, OutputStream out) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.reader = Thread.ofPlatform().daemon().name("link-reader " + name).start(this::pump);
    }

    private void pump() {
        try {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) >= 0; )
                for (int i = 0; i < n; i++) incoming.add(buf[i] & 0xFF);
        } catch (IOException e) {
            // the other side closed: reads time out from now on
        }
        incoming.add(-1);
    }

    /** Two links joined back to back: what one writes, the other reads. */
    public static SerialLink[] pair(String a, String b) throws IOException {
        var aToB = new java.io.PipedOutputStream();
        var bFromA = new java.io.PipedInputStream(aToB, 1 << 16);
        var bToA = new java.io.PipedOutputStream();
        var aFromB = new java.io.PipedInputStream(bToA, 1 << 16);
        return new SerialLink[] {new StreamLink(a, aFromB, aToB), new StreamLink(b, bFromA, bToA)};
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        try {
            Integer b = incoming.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (b == null) return -1;
            if (b < 0) {
                incoming.add(-1); // stays closed
                throw new java.io.EOFException(name + " was closed");
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    @Override
    public void drain() {
        incoming.removeIf(b -> b >= 0);
    }

    @Override
    public String name() { return name; }

    @Override
    public void close() throws IOException {
        out.close();
        in.close();
    }
}
