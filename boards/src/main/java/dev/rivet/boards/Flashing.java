package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** How firmware gets onto the board. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Flashing.Stm32Usart.class, name = "stm32-usart"),
    @JsonSubTypes.Type(value = Flashing.EspRom.class, name = "esp-rom"),
    @JsonSubTypes.Type(value = Flashing.MassStorage.class, name = "mass-storage"),
    @JsonSubTypes.Type(value = Flashing.External.class, name = "external")
})
public sealed interface Flashing {

    /** One line for tables: the method and its key parameter. */
    String summary();

    /**
     * ST's USART bootloader in system memory (AN3155), also spoken by GD32VF103's ROM.
     *
     * @param baud       line rate rivet uses by default
     * @param productId  the PID that Get ID returns
     * @param pageSize   flash erase granularity in bytes (of the first pages, where they differ)
     * @param ramReserved bytes at the start of RAM the bootloader itself uses
     * @param enter      how a user puts the chip into the bootloader
     */
    record Stm32Usart(int baud, int productId, int pageSize, long ramReserved, String enter) implements Flashing {
        public Stm32Usart {
            if (baud <= 0) throw new IllegalArgumentException("flashing.baud is required");
            if (productId <= 0) throw new IllegalArgumentException("flashing.product_id is required");
            if (pageSize <= 0) throw new IllegalArgumentException("flashing.page_size is required");
            Objects.requireNonNull(enter, "flashing.enter is required");
        }

        @Override
        public String summary() { return "stm32-usart (AN3155)"; }
    }

    /**
     * Espressif's ROM serial loader (SLIP framing).
     *
     * @param baud      initial line rate
     * @param chipMagic values the chip-detect register 0x40001000 reads on this chip family (one per revision)
     * @param imageOffset flash offset the image is written to
     * @param enter     how a user enters download mode
     */
    record EspRom(int baud, java.util.List<Long> chipMagic, long imageOffset, String enter) implements Flashing {
        public EspRom {
            if (baud <= 0) throw new IllegalArgumentException("flashing.baud is required");
            Objects.requireNonNull(enter, "flashing.enter is required");
            if (chipMagic == null || chipMagic.isEmpty())
                throw new IllegalArgumentException("flashing.chip_magic is required");
            chipMagic = java.util.List.copyOf(chipMagic);
        }

        @Override
        public String summary() { return "esp-rom (serial)"; }
    }

    /**
     * A USB mass-storage volume that takes an image file copied onto it.
     *
     * @param image    the file type the volume accepts
     * @param volume   the volume label the board presents
     * @param familyId UF2 family id (0 when the image is not UF2)
     * @param enter    how a user makes the volume appear
     */
    record MassStorage(ImageFormat image, String volume, long familyId, String enter) implements Flashing {
        public MassStorage {
            Objects.requireNonNull(image, "flashing.image is required");
            Objects.requireNonNull(volume, "flashing.volume is required");
            if (image == ImageFormat.UF2 && familyId == 0)
                throw new IllegalArgumentException("flashing.family_id is required for UF2");
            if (enter == null) enter = "";
        }

        @Override
        public String summary() { return image.extension() + " copy to " + volume; }
    }

    /**
     * The board is flashed by a tool rivet does not drive (debug probe, vendor utility).
     *
     * @param tool what to use
     * @param hint one sentence on how
     */
    record External(String tool, String hint) implements Flashing {
        public External {
            Objects.requireNonNull(tool, "flashing.tool is required");
            if (hint == null) hint = "";
        }

        @Override
        public String summary() { return "external: " + tool; }
    }
}
