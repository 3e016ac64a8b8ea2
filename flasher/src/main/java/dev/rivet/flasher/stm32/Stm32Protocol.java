package dev.rivet.flasher.stm32;

/** AN3155 constants: the bytes on the wire. */
public final class Stm32Protocol {
    private Stm32Protocol() {}

    public static final int INIT = 0x7F, ACK = 0x79, NACK = 0x1F, BUSY = 0x76;
    public static final int GET = 0x00, GET_VERSION = 0x01, GET_ID = 0x02, READ_MEMORY = 0x11, GO = 0x21, WRITE_MEMORY = 0x31,
            ERASE = 0x43, EXTENDED_ERASE = 0x44, WRITE_PROTECT = 0x63, WRITE_UNPROTECT = 0x73, READOUT_PROTECT = 0x82,
            READOUT_UNPROTECT = 0x92;
    /** The largest block Read Memory and Write Memory move. */
    public static final int BLOCK = 256;

    /** XOR of the bytes: the checksum AN3155 puts after addresses and data. */
    public static int xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) x ^= b[i] & 0xFF;
        return x;
    }

    /** An address, MSB first, and its checksum. */
    public static byte[] address(long a) {
        byte[] b = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a, 0};
        b[4] = (byte) xor(b, 0, 4);
        return b;
    }
}
