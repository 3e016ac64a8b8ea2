package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.Flashing;
import dev.rivet.boards.ImageFormat;
import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.FlashImage;
import dev.rivet.flasher.Ports;
import dev.rivet.flasher.Progress;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.esp.EspChip;
import dev.rivet.flasher.esp.EspClient;
import dev.rivet.flasher.esp.EspFlasher;
import dev.rivet.flasher.stm32.Stm32Client;
import dev.rivet.flasher.stm32.Stm32Flasher;
import dev.rivet.flasher.volume.VolumeCopy;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.elf.ExecutableReader;
import dev.rivet.linker.image.FirmwareImages;
import dev.rivet.linker.image.LoadedBytes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet flash}: put firmware on a board through its ROM bootloader. */
@Command(name = "flash", description = {"Write firmware to a board through its ROM bootloader.",
    "IMAGE is an .elf file, a raw .bin (at --address) or .uf2, or a project or .rs file that is built first (for the board's UART console).",
    "Protocols: the STM32 USART bootloader (bluepill, blackpill-f411, longan-nano), the ESP ROM loader (esp32c3-devkitm),",
    "and copying to a bootloader's USB drive (pico, nrf52840-dk: UF2; microbit-v2: hex). Exit status 0 only after a",
    "verified write (a drive copy is complete when the file is written)."})
final class FlashCommand implements Callable<Integer> {
    enum Protocol { stm32, esp, uf2 }

    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "an .elf, .bin or .uf2 file, a project directory or a .rs file")
    Path image;

    @Option(names = "--board", paramLabel = "BOARD", description = "the board (default: the project's)")
    String board;

    @Option(names = "--protocol", paramLabel = "P", description = "stm32, esp or uf2 (default: the board's)")
    Protocol protocol;

    @Option(names = "--port", paramLabel = "PORT", description = "serial port (default: the only plausible one)")
    String port;

    @Option(names = "--baud", paramLabel = "N", description = "line rate (default: the board's; the ESP loader switches to "
            + EspFlasher.DEFAULT_BAUD + " after connecting)")
    Integer baud;

    @Option(names = "--address", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "where a .bin image goes (default: the start of flash; for the ESP, the board's image offset)")
    Long address;

    @Option(names = "--volume", paramLabel = "DIR", description = "the bootloader drive's mount point (default: found by its label)")
    Path volume;

    @Option(names = "--no-verify", description = "skip checking what was written (read back, or MD5 on the ESP)")
    boolean noVerify;

    @Option(names = "--no-start", description = "leave the chip in its bootloader afterwards")
    boolean noStart;

    @Option(names = "--force", description = "flash even if the chip is not the board's")
    boolean force;

    @Option(names = "--unprotect", description = "STM32: remove readout protection first (this mass-erases the flash)")
    boolean unprotect;

    @Option(names = "--list-ports", description = "list serial ports and exit")
    boolean listPorts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (listPorts) return listPorts(out);
        if (image == null) throw new UsageError("error: give the IMAGE to flash (or --list-ports)");
        String file = image.getFileName().toString();
        boolean raw = file.endsWith(".bin") || file.endsWith(".uf2") || file.endsWith(".hex");
        Project project = raw || file.endsWith(".elf") ? null : Project.resolve(image);
        Board b = Firmware.selectBoard(board != null ? board : project != null ? project.board() : null, null);
        Protocol p = protocol != null ? protocol : protocolOf(b);
        if (address != null && !file.endsWith(".bin")) throw new UsageError("error: --address applies to a .bin image only");
        LinkedImage linked = null;
        if (!raw) {
            linked = project == null ? ExecutableReader.read(image.toString(), Files.readAllBytes(image)) : build(project, b, err);
            if (linked == null) return Main.EXIT_FAILURE;
        }
        Progress progress = FlashProgress.forStderr(err);
        String done;
        try {
            done = switch (p) {
                case stm32 -> stm32(b, raw ? rawBin(b.flashing() instanceof Flashing.Stm32Usart ? flashOrigin(b) : -1) : loaded(linked), progress);
                case esp -> esp(b, raw ? rawBin(b.flashing() instanceof Flashing.EspRom rom ? rom.imageOffset() : 0) : espImage(b, linked), progress);
                case uf2 -> copy(b, raw ? Files.readAllBytes(image) : null, linked, progress);
            };
        } catch (FlashException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        err.println("    Finished " + done);
        err.flush();
        return Main.EXIT_OK;
    }

    /** A .bin file's bytes at --address, or at {@code defaultAddress} (-1: there is none, --address is needed). */
    private FlashImage rawBin(long defaultAddress) throws java.io.IOException {
        if (!image.getFileName().toString().endsWith(".bin"))
            throw new UsageError("error: a serial bootloader takes an .elf, a .bin or a project, not " + image.getFileName());
        long at = address != null ? address : defaultAddress;
        if (at < 0) throw new UsageError("error: give the flash address of " + image.getFileName() + " with --address");
        return new FlashImage(List.of(new FlashImage.Segment(at, Files.readAllBytes(image))));
    }

    private static long flashOrigin(Board b) {
        return b.memory().stream().filter(r -> r.kind() == dev.rivet.boards.MemoryRegion.Kind.FLASH && r.isStorage())
                .mapToLong(dev.rivet.boards.MemoryRegion::origin).min().orElse(-1);
    }

    private static FlashImage loaded(LinkedImage linked) {
        return new FlashImage(LoadedBytes.of(linked).chunks().stream().map(c -> new FlashImage.Segment(c.address(), c.data())).toList());
    }

    /** The ROM image `rivet build` writes as NAME.bin, at the board's image offset. */
    private static FlashImage espImage(Board b, LinkedImage linked) {
        if (!(b.flashing() instanceof Flashing.EspRom rom) || !b.images().contains(ImageFormat.ESP))
            throw new UserError("error: --protocol esp needs a board whose firmware is an ESP ROM image (esp32c3-devkitm); " + b.name() + " is not one");
        return new FlashImage(List.of(new FlashImage.Segment(rom.imageOffset(), FirmwareImages.forBoard(linked, b).get(".bin"))));
    }

    private static Protocol protocolOf(Board b) {
        return switch (b.flashing()) {
            case Flashing.Stm32Usart s -> Protocol.stm32;
            case Flashing.EspRom e -> Protocol.esp;
            case Flashing.MassStorage m -> Protocol.uf2;
            case Flashing.External x -> throw new UserError("error: rivet cannot flash " + b.name() + "; use " + x.tool()
                    + (x.hint().isEmpty() ? "" : " (" + x.hint() + ")") + " with the .elf or image from `rivet build`");
        };
    }

    private String stm32(Board b, FlashImage fi, Progress progress) throws Exception {
        Flashing.Stm32Usart stm = b.flashing() instanceof Flashing.Stm32Usart s ? s : null;
        String how = stm != null ? stm.enter() : "hold BOOT0 high and reset the chip";
        try (SerialLink link = Ports.open(portName(), baud != null ? baud : stm != null ? stm.baud() : 115200, true)) {
            // without the board's product id, any chip rivet knows the flash of is accepted
            var options = new Stm32Flasher.Options(stm != null ? stm.productId() : -1, force || stm == null, !noVerify, !noStart, unprotect, how);
            new Stm32Flasher(new Stm32Client(link), progress).flash(fi, options);
        }
        return summary(fi.bytes(), b);
    }

    private String esp(Board b, FlashImage fi, Progress progress) throws Exception {
        Flashing.EspRom rom = b.flashing() instanceof Flashing.EspRom r ? r : null;
        int initial = rom != null ? rom.baud() : 115200;
        List<Long> magic = rom != null ? rom.chipMagic() : List.of();
        long flashSize = rom != null ? b.flashSize() : 4L << 20;
        try (SerialLink link = Ports.open(portName(), initial, false)) {
            var options = new EspFlasher.Options(magic, force || rom == null, !noVerify, !noStart, initial, baud != null ? baud : EspFlasher.DEFAULT_BAUD,
                    flashSize, rom != null ? rom.enter() : "hold BOOT and press RESET");
            new EspFlasher(new EspClient(link), progress).flash(fi, options);
        }
        return summary(fi.bytes(), b);
    }

    /** Copies a .uf2 (or, for a DAPLink drive, .hex) to the board's bootloader drive. */
    private String copy(Board b, byte[] rawFile, LinkedImage linked, Progress progress) throws FlashException {
        Flashing.MassStorage ms = b.flashing() instanceof Flashing.MassStorage m ? m : null;
        ImageFormat format = ms != null ? ms.image() : ImageFormat.UF2;
        String ext = "." + format.extension();
        if (rawFile != null && !image.getFileName().toString().endsWith(ext))
            throw new UsageError("error: " + b.name() + "'s drive takes a " + ext + " file, not " + image.getFileName());
        byte[] file = rawFile != null ? rawFile : FirmwareImages.forBoard(linked, b).get(ext);
        if (file == null) throw new UserError("error: " + b.name() + " has no " + ext + " image to copy to a drive");
        if (volume == null && ms == null) throw new UserError("error: " + b.name() + " names no bootloader drive; give its mount point with --volume");
        Path drive = volume != null ? volume : VolumeCopy.find(ms.volume(), ms.enter());
        if (format == ImageFormat.UF2) VolumeCopy.uf2BoardId(drive); // refuses a drive that is not a UF2 bootloader's
        String name = image.getFileName().toString().replaceFirst("\\.(elf|rs|uf2|hex)$", "") + ext;
        Path written = VolumeCopy.copy(drive, name, file, progress);
        return String.format(Locale.ROOT, "%d bytes copied to %s; the board restarts into the new program", file.length, written);
    }

    /** Addresses in hex (0x08000000) or decimal. */
    static final class AddressConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Long.decode(value.replace("_", ""));
        }
    }

    private String summary(long bytes, Board b) {
        return String.format(Locale.ROOT, "%d bytes written to %s%s%s", bytes, b.name(), noVerify ? "" : " and verified", noStart ? "" : "; started");
    }

    private LinkedImage build(Project project, Board b, PrintWriter err) {
        Firmware.Built fw = Firmware.build(project, b, dev.rivet.frontend.Frontend.Mode.PROGRAM, ConsoleDriver.forHardware(b), false, err);
        return fw == null ? null : fw.image();
    }

    private int listPorts(PrintWriter out) {
        for (Ports.PortInfo p : Ports.list())
            out.printf(Locale.ROOT, "%-20s %-40s %04x:%04x%n", p.path(), p.description(), p.vendorId() & 0xFFFF, p.productId() & 0xFFFF);
        out.flush();
        return Main.EXIT_OK;
    }

    private String portName() {
        if (port != null) return port;
        List<Ports.PortInfo> usb = Ports.list().stream().filter(p -> p.vendorId() > 0).toList();
        if (usb.size() == 1) return usb.getFirst().path();
        throw new UserError(usb.isEmpty() ? "error: no USB serial port found; plug the adapter in or give --port"
                : "error: several serial ports; choose one with --port (see `rivet flash --list-ports`)");
    }
}
