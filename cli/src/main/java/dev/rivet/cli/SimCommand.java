package dev.rivet.cli;

import dev.rivet.flasher.Faults;
import dev.rivet.flasher.PacedLink;
import dev.rivet.flasher.Ports;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.esp.EspChip;
import dev.rivet.flasher.esp.EspSimulator;
import dev.rivet.flasher.stm32.Stm32Chip;
import dev.rivet.flasher.stm32.Stm32Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet sim}: a simulated chip in its bootloader, on a serial port (a pseudo-terminal). */
@Command(name = "sim", description = {"Simulate a chip in its ROM bootloader on a serial port.",
    "Pair two pseudo-terminals with `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, run the simulator on one and",
    "rivet flash (or stm32flash) on the other. It prints each command it receives, serves until the program is",
    "started (then, like the chip, it no longer answers) or the port closes, and can dump its flash to a file."})
final class SimCommand implements Callable<Integer> {
    enum Protocol { stm32, esp }

    @Parameters(paramLabel = "PROTOCOL", description = "stm32 or esp")
    Protocol protocol;

    @Option(names = "--port", required = true, paramLabel = "PTY", description = "the device end: a pseudo-terminal or serial port")
    String port;

    @Option(names = "--chip", paramLabel = "CHIP",
            description = "stm32: product id 0x410 (STM32F103, default) or 0x431 (STM32F411); esp: esp32c3 (default), esp32, esp32s2")
    String chip;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "inject faults: nack:N, drop:N, corrupt:N, stall:N, weak:OFFSET, protected (comma-separated)")
    String faults;

    @Option(names = "--baud", paramLabel = "N",
            description = "move bytes no faster than a UART at N baud would (default: as fast as the port goes); the ESP loader follows CHANGE_BAUDRATE")
    Integer baud;

    @Option(names = "--dump", paramLabel = "FILE", description = "write the flash contents to FILE when the program starts or the port closes")
    Path dump;

    @Option(names = {"-q", "--quiet"}, description = "do not print each command")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Faults f;
        try {
            f = Faults.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new UsageError("error: " + e.getMessage());
        }
        Consumer<String> log = quiet ? line -> { } : line -> {
            err.println(line);
            err.flush();
        };
        try (SerialLink opened = Ports.openFile(port)) {
            // 8E1 is 11 bits a byte for the STM32 bootloader; the ESP loader uses 8N1, 10
            SerialLink link = baud == null ? opened : new PacedLink(opened, baud, protocol == Protocol.stm32 ? 11 : 10);
            switch (protocol) {
                case stm32 -> serveStm32(link, f, log, err);
                case esp -> serveEsp(link, f, log, err);
            }
            while (true) link.read(60_000); // the program runs: nothing answers until the port closes
        } catch (java.io.EOFException e) {
            return Main.EXIT_OK; // the host side closed
        }
    }

    private void serveStm32(SerialLink link, Faults f, Consumer<String> log, PrintWriter err) throws IOException {
        int pid;
        try {
            pid = Integer.decode(chip != null ? chip : "0x410");
        } catch (NumberFormatException e) {
            throw new UsageError("error: --chip takes a product id such as 0x410 for stm32");
        }
        Stm32Chip c = Stm32Chip.byProductId(pid).orElseThrow(() -> new UsageError("error: no simulated chip with product id " + chip + " (known: 0x410, 0x431)"));
        say(err, String.format("simulating %s (product id 0x%03x) on %s", c.name(), c.productId(), port));
        Stm32Simulator sim = new Stm32Simulator(link, c, f, log);
        serveThenDump(sim::serve, sim::flash);
        if (sim.startedAt() != null) say(err, String.format("the program runs from 0x%08x; the bootloader no longer answers", sim.startedAt()));
    }

    private void serveEsp(SerialLink link, Faults f, Consumer<String> log, PrintWriter err) throws IOException {
        EspChip c = EspChip.byName(chip != null ? chip : "esp32c3").orElseThrow(() -> new UsageError("error: no simulated ESP chip " + chip
                + " (known: esp32c3, esp32, esp32s2)"));
        if (f.readProtected()) throw new UsageError("error: the ESP simulator has no `protected` fault");
        say(err, String.format("simulating %s (chip magic 0x%08x, %d KiB flash) on %s", c.name(), c.magicValue(), c.flashSize() / 1024, port));
        EspSimulator sim = new EspSimulator(link, c, f, log);
        serveThenDump(sim::serve, sim::flash);
        if (sim.rebooted() != null) say(err, "the program runs; the ROM loader no longer answers");
    }

    private interface Serve { void run() throws IOException; }

    /** Serves, then dumps the flash: when the program starts, or when the port closes first. */
    private void serveThenDump(Serve serve, java.util.function.Supplier<byte[]> flash) throws IOException {
        try {
            serve.run();
        } finally {
            if (dump != null) Files.write(dump, flash.get());
        }
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
