package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** How the core starts executing the image after reset. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Boot.CortexM.class, name = "cortex-m"),
    @JsonSubTypes.Type(value = Boot.Riscv.class, name = "riscv")
})
public sealed interface Boot {

    /** Special rules the image must follow so that the chip's boot ROM accepts it. */
    enum ImageRule {
        /** Nothing beyond the core's own rules. */
        PLAIN,
        /** RP2040: a 256-byte second stage (boot2) with CRC-32/MPEG-2 in its last word precedes the vector table. */
        RP2040_BOOT2,
        /** ESP32-C3: the ROM loads an 0xE9 image (header, segments, checksum, SHA-256). */
        ESP32_IMAGE;

        @JsonValue
        public String id() { return name().toLowerCase().replace('_', '-'); }
    }

    ImageRule image();

    /** The address execution starts from after the boot ROM has done its work. */
    long entryAddress();

    /**
     * Cortex-M: the core loads SP from word 0 and PC from word 1 of the vector table.
     *
     * @param vectorTable address of the table the core (or the boot ROM) uses at reset
     */
    record CortexM(long vectorTable, ImageRule image, String notes) implements Boot {
        public CortexM {
            if ((vectorTable & 0x7F) != 0)
                throw new IllegalArgumentException("boot.vector_table must be 128-byte aligned");
            if (image == null) image = ImageRule.PLAIN;
            if (notes == null) notes = "";
        }

        @Override
        public long entryAddress() { return vectorTable; }
    }

    /**
     * RISC-V: execution starts at a fixed address; traps go where {@code trap} says.
     *
     * @param resetAddress first instruction executed from the image
     * @param trap         the interrupt controller scheme the trap vector follows
     */
    record Riscv(long resetAddress, TrapScheme trap, ImageRule image, String notes) implements Boot {
        public Riscv {
            if ((resetAddress & 1) != 0) throw new IllegalArgumentException("boot.reset_address must be even");
            Objects.requireNonNull(trap, "boot.trap is required (mtvec-direct, eclic or qingke-table)");
            if (image == null) image = ImageRule.PLAIN;
            if (notes == null) notes = "";
        }

        @Override
        public long entryAddress() { return resetAddress; }
    }

    /** How a RISC-V core finds its trap handler. */
    enum TrapScheme {
        /** Standard mtvec in direct mode (mode bits 00). */
        MTVEC_DIRECT,
        /** Nuclei ECLIC: mtvec mode bits 11, vector table base in CSR mtvt (0x307). */
        ECLIC,
        /** WCH QingKe V2: mtvec = base | 3, a table of absolute handler addresses. */
        QINGKE_TABLE;

        @JsonValue
        public String id() { return name().toLowerCase().replace('_', '-'); }
    }
}
