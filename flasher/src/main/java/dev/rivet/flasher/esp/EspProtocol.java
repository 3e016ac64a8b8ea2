package dev.rivet.flasher.esp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Espressif's ROM loader protocol (esptool's serial protocol documentation): the commands, the
 * request and response layouts inside a SLIP frame, and the ROM's error codes.
 *
 * <p>Request: {@code 00, op, size u16, checksum u32, data}. Response: {@code 01, op, size u16,
 * value u32, data}, where the ESP32-C3 ROM ends data with four status bytes (status, error, 0, 0).
 */
public final class EspProtocol {
    private EspProtocol() {}

    public static final int FLASH_BEGIN = 0x02, FLASH_DATA = 0x03, FLASH_END = 0x04, SYNC = 0x08, WRITE_REG = 0x09,
            READ_REG = 0x0A, SPI_SET_PARAMS = 0x0B, SPI_ATTACH = 0x0D, CHANGE_BAUDRATE = 0x0F, SPI_FLASH_MD5 = 0x13;

    /** The register whose value tells chip families apart. */
    public static final long CHIP_DETECT_MAGIC_REG = 0x4000_1000L;

    /** The seed of the XOR checksum over *_DATA payloads. */
    public static final int CHECKSUM_SEED = 0xEF;

    /** Bytes of flash data per FLASH_DATA packet the ESP32-C3 ROM takes. */
    public static final int FLASH_BLOCK = 0x400;

    public static final int SECTOR = 0x1000;

    /** Status bytes at the end of a ROM response's data (a flasher stub sends 2). */
    public static final int STATUS_BYTES = 4;

    /** SYNC's payload: 07 07 12 20 then 32 bytes of 0x55, for the ROM's autobaud. */
    public static byte[] syncPayload() {
        byte[] p = new byte[36];
        p[0] = 0x07;
        p[1] = 0x07;
        p[2] = 0x12;
        p[3] = 0x20;
        java.util.Arrays.fill(p, 4, 36, (byte) 0x55);
        return p;
    }

    public static String name(int op) {
        return switch (op) {
            case FLASH_BEGIN -> "FLASH_BEGIN";
            case FLASH_DATA -> "FLASH_DATA";
            case FLASH_END -> "FLASH_END";
            case SYNC -> "SYNC";
            case WRITE_REG -> "WRITE_REG";
            case READ_REG -> "READ_REG";
            case SPI_SET_PARAMS -> "SPI_SET_PARAMS";
            case SPI_ATTACH -> "SPI_ATTACH";
            case CHANGE_BAUDRATE -> "CHANGE_BAUDRATE";
            case SPI_FLASH_MD5 -> "SPI_FLASH_MD5";
            default -> String.format("command 0x%02x", op);
        };
    }

    /** The ROM's error codes, as esptool documents them. */
    public static String error(int code) {
        return switch (code) {
            case 0x05 -> "invalid message";
            case 0x06 -> "failed to act on the message";
            case 0x07 -> "invalid CRC";
            case 0x08 -> "flash write error";
            case 0x09 -> "flash read error";
            case 0x0A -> "flash read length error";
            case 0x0B -> "deflate error";
            default -> String.format("error 0x%02x", code);
        };
    }

    public static int checksum(byte[] data, int from, int to) {
        int x = CHECKSUM_SEED;
        for (int i = from; i < to; i++) x ^= data[i] & 0xFF;
        return x;
    }

    public static byte[] request(int op, byte[] data, int checksum) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        return b.array();
    }

    public static byte[] response(int op, long value, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) op).putShort((short) data.length).putInt((int) value).put(data);
        return b.array();
    }

    /** Little-endian u32 words, the argument format of every command. */
    public static byte[] words(long... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putInt((int) v);
        return b.array();
    }

    public static long word(byte[] data, int at) {
        return ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    /** A FLASH_DATA payload: len, seq, 0, 0, then the block padded with 0xFF to {@code blockSize}. */
    public static byte[] dataPacket(byte[] block, int seq, int blockSize) {
        byte[] p = new byte[16 + blockSize];
        System.arraycopy(words(blockSize, seq, 0, 0), 0, p, 0, 16);
        java.util.Arrays.fill(p, 16, p.length, (byte) 0xFF);
        System.arraycopy(block, 0, p, 16, block.length);
        return p;
    }
}
