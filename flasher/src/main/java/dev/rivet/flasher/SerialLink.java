package dev.rivet.flasher;

import java.io.IOException;

/** A byte pipe to a device: a serial port, or a stream pair in tests and simulators. */
public interface SerialLink extends AutoCloseable {
    void write(byte[] bytes) throws IOException;

    /** The next byte, or -1 when none arrives within {@code timeoutMillis}. */
    int read(int timeoutMillis) throws IOException;

    /** Drops whatever the device sent that nobody read (before a resync). */
    void drain() throws IOException;

    /** Changes the line rate (after a baud-rate change the device agreed to); a pseudo-terminal has none. */
    default void setBaud(int baud) throws IOException { }

    /**
     * Drives the DTR and RTS lines (true = asserted). Returns false when the link has no modem
     * control lines, as a pseudo-terminal or a pipe.
     */
    default boolean setModemLines(boolean dtr, boolean rts) throws IOException { return false; }

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
