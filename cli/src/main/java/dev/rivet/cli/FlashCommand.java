package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.Flashing;
import dev.rivet.flasher.FlashException;
import dev.rivet.flasher.FlashImage;
import dev.rivet.flasher.Ports;
import dev.rivet.flasher.Progress;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.stm32.Stm32Client;
import dev.rivet.flasher.stm32.Stm32Flasher;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.elf.ExecutableReader;
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
    "IMAGE is an .elf file, or a project or .rs file that is built first (for the board's UART console).",
    "Today: the STM32 USART bootloader (bluepill, blackpill-f411, longan-nano). Exit status 0 only after a verified write."})
final class FlashCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "an .elf file, a project directory or a .rs file")
    Path image;

    @Option(names = "--board", paramLabel = "BOARD", description = "the board (default: the project's)")
    String board;

    @Option(names = "--port", paramLabel = "PORT", description = "serial port (default: the only plausible one)")
    String port;

    @Option(names = "--baud", paramLabel = "N", description = "line rate (default: the board's)")
    Integer baud;

    @Option(names = "--no-verify", description = "skip reading the flash back")
    boolean noVerify;

    @Option(names = "--no-start", description = "leave the chip in its bootloader afterwards")
    boolean noStart;

    @Option(names = "--force", description = "flash even if the chip is not the board's")
    boolean force;

    @Option(names = "--unprotect", description = "remove readout protection first (this mass-erases the flash)")
    boolean unprotect;

    @Option(names = "--list-ports", description = "list serial ports and exit")
    boolean listPorts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (listPorts) {
            for (Ports.PortInfo p : Ports.list())
                out.printf(Locale.ROOT, "%-20s %-40s %04x:%04x%n", p.path(), p.description(), p.vendorId() & 0xFFFF, p.productId() & 0xFFFF);
            out.flush();
            return Main.EXIT_OK;
        }
        if (image == null) throw new UsageError("error: give the IMAGE to flash (or --list-ports)");
        Project project = image.toString().endsWith(".elf") ? null : Project.resolve(image);
        Board b = Firmware.selectBoard(board != null ? board : project != null ? project.board() : null, null);
        if (!(b.flashing() instanceof Flashing.Stm32Usart stm))
            throw new UserError("error: rivet cannot flash " + b.name() + " yet (" + b.flashing().summary() + "); only the STM32 USART bootloader is implemented");
        LinkedImage linked = project == null ? ExecutableReader.read(image.toString(), Files.readAllBytes(image)) : build(project, b, err);
        if (linked == null) return Main.EXIT_FAILURE;
        FlashImage fi = new FlashImage(LoadedBytes.of(linked).chunks().stream().map(c -> new FlashImage.Segment(c.address(), c.data())).toList());
        String portName = port != null ? port : onlyPort();
        try (SerialLink link = Ports.open(portName, baud != null ? baud : stm.baud(), true)) {
            Stm32Flasher flasher = new Stm32Flasher(new Stm32Client(link), new LineProgress(err));
            flasher.flash(fi, new Stm32Flasher.Options(stm.productId(), force, !noVerify, !noStart, unprotect, stm.enter()));
        } catch (FlashException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        err.printf("    Finished %d bytes written to %s%s%s%n", fi.bytes(), b.name(), noVerify ? "" : " and verified", noStart ? "" : "; started");
        err.flush();
        return Main.EXIT_OK;
    }

    private LinkedImage build(Project project, Board b, PrintWriter err) {
        Firmware.Built fw = Firmware.build(project, b, dev.rivet.frontend.Frontend.Mode.PROGRAM, ConsoleDriver.forHardware(b), false, err);
        return fw == null ? null : fw.image();
    }

    private static String onlyPort() {
        List<Ports.PortInfo> usb = Ports.list().stream().filter(p -> p.vendorId() > 0).toList();
        if (usb.size() == 1) return usb.getFirst().path();
        throw new UserError(usb.isEmpty() ? "error: no USB serial port found; plug the adapter in or give --port"
                : "error: several serial ports; choose one with --port (see `rivet flash --list-ports`)");
    }

    /** Phases and progress as plain lines, every tenth of the way. */
    private static final class LineProgress implements Progress {
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastTenth = -1;

        LineProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(String name) {
            err.println("    " + name + "…");
            err.flush();
            lastTenth = -1;
        }

        @Override
        public void advance(long done, long total) {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            err.printf(Locale.ROOT, "      %d/%d bytes (%d%%), %.1f KiB/s%n", done, total, tenth * 10, done / 1024.0 / seconds);
            err.flush();
        }
    }
}
