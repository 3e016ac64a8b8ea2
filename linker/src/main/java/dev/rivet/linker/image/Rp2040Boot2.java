package dev.rivet.linker.image;

import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.Section;
import dev.rivet.linker.Symbol;

/**
 * The RP2040's second-stage boot loader, written for rivet: the boot ROM copies the first 256
 * bytes of flash to SRAM, checks the CRC-32/MPEG-2 of bytes 0..251 against the word at 252,
 * and runs them. This stage sets the XIP SSI up for plain serial reads (command 03h, which
 * every QSPI flash supports), then enters the application through the vector table at
 * 0x10000100 (VTOR, MSP, reset handler). It is position-independent ARMv6-M code.
 */
public final class Rp2040Boot2 {
    public static final int SIZE = 256;

    private Rp2040Boot2() {}

    /** Thumb instructions (offset: encoding), then the literal words they load. */
    private static final int[] CODE = {
        0x4B0A, // 00 ldr   r3, =0x18000000   XIP_SSI_BASE
        0x2100, // 02 movs  r1, #0
        0x6099, // 04 str   r1, [r3, #0x08]   SSIENR = 0: disable to configure
        0x2104, // 06 movs  r1, #4
        0x6159, // 08 str   r1, [r3, #0x14]   BAUDR = 4: clk_sys / 4
        0x4909, // 0a ldr   r1, =0x001F0300   CTRLR0: 32-bit frames, EEPROM-read mode, standard SPI
        0x6019, // 0c str   r1, [r3, #0x00]
        0x4909, // 0e ldr   r1, =0x03000218   SPI_CTRLR0: XIP command 03h, 8-bit instruction, 24-bit address
        0x4809, // 10 ldr   r0, =0x180000F4   &SPI_CTRLR0
        0x6001, // 12 str   r1, [r0, #0]
        0x2100, // 14 movs  r1, #0
        0x6059, // 16 str   r1, [r3, #0x04]   CTRLR1 = 0: one data frame per transfer
        0x2101, // 18 movs  r1, #1
        0x6099, // 1a str   r1, [r3, #0x08]   SSIENR = 1
        0x4807, // 1c ldr   r0, =0x10000100   the application's vector table
        0x4908, // 1e ldr   r1, =0xE000ED08   VTOR
        0x6008, // 20 str   r0, [r1, #0]
        0xC803, // 22 ldmia r0, {r0, r1}      initial SP, reset vector
        0xF380, 0x8808, // 24 msr msp, r0
        0x4708, // 28 bx    r1
        0xBF00, // 2a nop (literals are word-aligned)
    };

    private static final int[] LITERALS = {0x18000000, 0x001F0300, 0x03000218, 0x180000F4, 0x10000100, 0xE000ED08};

    /** The 256 bytes, CRC included. */
    public static byte[] bytes() {
        byte[] b = new byte[SIZE];
        int at = 0;
        for (int h : CODE) {
            b[at++] = (byte) h;
            b[at++] = (byte) (h >>> 8);
        }
        for (int w : LITERALS) for (int k = 0; k < 4; k++) b[at++] = (byte) (w >>> (8 * k));
        int crc = crc32Mpeg2(b, 0, SIZE - 4);
        for (int k = 0; k < 4; k++) b[SIZE - 4 + k] = (byte) (crc >>> (8 * k));
        return b;
    }

    /** CRC-32/MPEG-2: polynomial 0x04C11DB7, initial value all ones, no reflection, no final XOR. */
    public static int crc32Mpeg2(byte[] data, int from, int to) {
        int crc = 0xFFFFFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (data[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80000000) != 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }

    /** An object holding the stage in section {@code .boot2}, which the Cortex-M script puts first in flash. */
    public static ObjectFile object() {
        ObjectFile o = new ObjectFile("rivet-boot2-rp2040", ObjectFile.Machine.ARM);
        Section s = o.add(new Section(".boot2", Section.Kind.TEXT, 4, bytes(), SIZE));
        s.mapping.add(new Section.Mapping(0, 'c'));
        s.mapping.add(new Section.Mapping(CODE.length * 2L, 'd'));
        o.define(new Symbol("__boot2_start", s, 0, SIZE, false, false, false));
        return o;
    }
}
