package dev.rivet.linker.image;

import dev.rivet.boards.Board;
import dev.rivet.boards.Flashing;
import dev.rivet.boards.ImageFormat;
import dev.rivet.linker.LinkedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The image files a board's flashing path takes, besides the ELF, from one linked program. */
public final class FirmwareImages {
    private FirmwareImages() {}

    /** File suffix (".bin", ".hex", ".uf2") to contents, in the board's order. */
    public static Map<String, byte[]> forBoard(LinkedImage image, Board board) {
        LoadedBytes bytes = LoadedBytes.of(image);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ImageFormat f : board.images()) {
            switch (f) {
                case BIN -> out.put(".bin", FlatBinary.write(bytes));
                case HEX -> out.put(".hex", IntelHex.write(bytes, image.entry()));
                case UF2 -> out.put(".uf2", Uf2.write(bytes, familyId(board)));
                // esptool names the ROM image .bin; a flat binary of a RAM-resident ESP program would be meaningless
                case ESP -> out.put(".bin", EspImage.write(bytes, image.entry(), board.flashSize(), EspImage.CHIP_ID_ESP32C3));
            }
        }
        return out;
    }

    private static long familyId(Board board) {
        if (board.flashing() instanceof Flashing.MassStorage m && m.familyId() != 0) return m.familyId();
        throw new IllegalArgumentException("board " + board.name() + " lists a UF2 image but no UF2 family id");
    }
}
