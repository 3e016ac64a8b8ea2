package dev.rivet.flasher.volume;

import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flashing by copying: a UF2 bootloader (or a DAPLink interface) presents a USB drive, and an
 * image file written to it is programmed into the chip, which then restarts. The drive is found
 * by its volume label among the mounted file systems.
 */
public final class VolumeCopy {
    private VolumeCopy() {}

    /** The file a UF2 bootloader's drive always holds, with its version and board id. */
    public static final String UF2_INFO = "INFO_UF2.TXT";

    /** Mount points named {@code label}: from {@code /proc/mounts} text, then the usual automount folders. */
    public static List<Path> find(String label, String procMounts, List<Path> automountRoots) {
        List<Path> found = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 2) continue;
            Path mount = Path.of(unescape(f[1]));
            if (mount.getFileName() != null && mount.getFileName().toString().equals(label) && !found.contains(mount)) found.add(mount);
        }
        for (Path root : automountRoots) {
            Path p = root.resolve(label);
            if (Files.isDirectory(p) && !found.contains(p)) found.add(p);
        }
        return found;
    }

    /** Finds the one mounted volume named {@code label} on this machine. */
    public static Path find(String label, String howToEnter) throws FlashException {
        String mounts = "";
        try {
            if (Files.isReadable(Path.of("/proc/mounts"))) mounts = Files.readString(Path.of("/proc/mounts"));
        } catch (IOException e) {
            // no mount table: only the automount folders are looked at
        }
        String user = System.getProperty("user.name");
        List<Path> roots = List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/media"), Path.of("/Volumes"));
        List<Path> found = find(label, mounts, roots);
        if (found.isEmpty())
            throw new FlashException("no drive labelled " + label + " is mounted\nhelp: " + howToEnter + "; or give its mount point with --volume");
        if (found.size() > 1) throw new FlashException("several drives are labelled " + label + ": " + found + "; choose one with --volume");
        return found.getFirst();
    }

    /** The Board-ID line of a UF2 drive's INFO_UF2.TXT, or empty when the drive has none. */
    public static Optional<String> uf2BoardId(Path volume) throws FlashException {
        Path info = volume.resolve(UF2_INFO);
        if (!Files.isRegularFile(info))
            throw new FlashException(volume + " is not a UF2 bootloader drive (it has no " + UF2_INFO + ")");
        try {
            return Files.readAllLines(info, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Board-ID:"))
                    .map(l -> l.substring("Board-ID:".length()).strip()).findFirst();
        } catch (IOException e) {
            throw new FlashException("cannot read " + info + ": " + e.getMessage());
        }
    }

    /**
     * Writes {@code image} to {@code volume/fileName}, synchronously, so that every block has
     * reached the device when this returns. The bootloader restarts the chip once it has the
     * last block, and the drive then disappears.
     */
    public static Path copy(Path volume, String fileName, byte[] image, Progress progress) throws FlashException {
        if (!Files.isDirectory(volume)) throw new FlashException(volume + " is not a mounted drive (not a directory)");
        Path target = volume.resolve(fileName);
        progress.phase("copying to " + volume);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            for (int at = 0; at < image.length; at += 1 << 14) {
                int n = Math.min(1 << 14, image.length - at);
                out.write(image, at, n);
                progress.advance(at + n, image.length);
            }
        } catch (IOException e) {
            throw new FlashException("writing " + target + " failed: " + e.getMessage()
                    + "\nhelp: the drive may have restarted early; put the board into its bootloader again and retry");
        }
        return target;
    }

    /** /proc/mounts writes a space in a path as \040 (and tab, newline, backslash likewise). */
    static String unescape(String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
