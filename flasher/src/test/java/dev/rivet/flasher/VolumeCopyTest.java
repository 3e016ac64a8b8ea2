package dev.rivet.flasher;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.flasher.volume.VolumeCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeCopyTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheDriveByLabelInTheMountTable() throws Exception {
        String mounts = """
                /dev/sda1 / ext4 rw 0 0
                /dev/sdb1 /media/ann/RPI-RP2 vfat rw,nosuid 0 0
                /dev/sdc1 /media/ann/MY\\040DISK vfat rw 0 0
                """;
        assertEquals(List.of(Path.of("/media/ann/RPI-RP2")), VolumeCopy.find("RPI-RP2", mounts, List.of()));
        assertEquals(List.of(Path.of("/media/ann/MY DISK")), VolumeCopy.find("MY DISK", mounts, List.of()));
        assertEquals(List.of(), VolumeCopy.find("NRF52BOOT", mounts, List.of()));
        Files.createDirectories(tmp.resolve("NRF52BOOT"));
        assertEquals(List.of(tmp.resolve("NRF52BOOT")), VolumeCopy.find("NRF52BOOT", mounts, List.of(tmp)));
    }

    @Test
    void copiesTheWholeImageAndReadsTheBoardId() throws Exception {
        Path drive = Files.createDirectories(tmp.resolve("RPI-RP2"));
        Files.writeString(drive.resolve("INFO_UF2.TXT"), "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n");
        assertEquals("RPI-RP2", VolumeCopy.uf2BoardId(drive).orElseThrow());
        byte[] image = new byte[100_000];
        new java.util.Random(1).nextBytes(image);
        Path written = VolumeCopy.copy(drive, "fw.uf2", image, Progress.NONE);
        assertArrayEquals(image, Files.readAllBytes(written));
    }

    @Test
    void aFolderWithoutUf2InfoIsNotABootloaderDrive() throws Exception {
        FlashException e = assertThrows(FlashException.class, () -> VolumeCopy.uf2BoardId(tmp));
        assertTrue(e.getMessage().contains("no INFO_UF2.TXT"), e.getMessage());
    }

    @Test
    void aMissingDriveSaysHowToMakeItAppear() {
        FlashException e = assertThrows(FlashException.class, () -> VolumeCopy.find("NO-SUCH-DRIVE-7", "hold BOOTSEL while plugging in"));
        assertTrue(e.getMessage().contains("no drive labelled NO-SUCH-DRIVE-7") && e.getMessage().contains("BOOTSEL")
                && e.getMessage().contains("--volume"), e.getMessage());
    }
}
