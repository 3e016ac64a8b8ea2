package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonValue;

/** Firmware image files a board's flashing path accepts (the ELF is always written). */
public enum ImageFormat {
    BIN, HEX, UF2, ESP;

    @JsonValue
    public String extension() { return name().toLowerCase(); }
}
