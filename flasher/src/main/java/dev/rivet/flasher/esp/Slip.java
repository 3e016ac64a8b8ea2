package dev.rivet.flasher.esp;

import dev.rivet.flasher.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * SLIP framing (RFC 1055) as Espressif's ROM loader uses it: a packet starts and ends with
 * 0xC0; inside, 0xC0 is sent as DB DC and 0xDB as DB DD.
 */
public final class Slip {
    static final int END = 0xC0, ESC = 0xDB, ESC_END = 0xDC, ESC_ESC = 0xDD;

    private Slip() {}

    public static byte[] frame(byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + 8);
        out.write(END);
        for (byte b : packet) {
            int v = b & 0xFF;
            if (v == END) { out.write(ESC); out.write(ESC_END); }
            else if (v == ESC) { out.write(ESC); out.write(ESC_ESC); }
            else out.write(v);
        }
        out.write(END);
        return out.toByteArray();
    }

    /** What reading a frame gave: a packet, or why there is none. */
    public sealed interface Read {
        record Packet(byte[] bytes) implements Read {}

        /** Nothing (or no complete frame) arrived in time. */
        record Timeout() implements Read {}

        /** A frame with a bad escape sequence: line noise. */
        record Garbled() implements Read {}
    }

    /**
     * The next frame from {@code link}: bytes before an opening 0xC0 are skipped, empty frames
     * (two 0xC0 in a row, as between back-to-back packets) are not packets. Waits at most
     * {@code timeoutMillis} between bytes.
     */
    public static Read read(SerialLink link, int timeoutMillis) throws IOException {
        int b;
        do {
            b = link.read(timeoutMillis);
            if (b < 0) return new Read.Timeout();
        } while (b != END);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        boolean garbled = false;
        while (true) {
            b = link.read(timeoutMillis);
            if (b < 0) return new Read.Timeout();
            if (b == END) {
                if (packet.size() == 0 && !garbled) continue; // the closing 0xC0 of an earlier frame, or an empty frame
                return garbled ? new Read.Garbled() : new Read.Packet(packet.toByteArray());
            }
            if (b == ESC) {
                int e = link.read(timeoutMillis);
                if (e < 0) return new Read.Timeout();
                if (e == END) return new Read.Garbled();
                if (e == ESC_END) packet.write(END);
                else if (e == ESC_ESC) packet.write(ESC);
                else garbled = true;
            } else {
                packet.write(b);
            }
        }
    }
}
