package dev.rivet.flasher;

import java.io.IOException;

/** A byte pipe to a device: a serial port, or a stream pair in tests and simulators. */
public interface SerialLink extends AutoCloseable {
    void write(byte[] bytes) throws IOException;

    /** The next byte, or -1 when none arrives within {@code timeoutMillis}. */
    int read(int timeoutMillis) throws IOException;

    /** Drops whatever the device sent that nobody read (before a resync). */
    void drain() throws IOException;

    /** The port's name in messages. */
    String name();

    @Override
    void close() throws IOException;

    default void write(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
        write(b);
    }
}
