package dev.rivet.cli;

import dev.rivet.flasher.Ports;
import dev.rivet.flasher.SerialLink;
import dev.rivet.flasher.stm32.Faults;
import dev.rivet.flasher.stm32.Stm32Chip;
import dev.rivet.flasher.stm32.Stm32Simulator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet sim}: a simulated chip in its bootloader, on a serial port (a pseudo-terminal). */
@Command(name = "sim", description = {"Simulate a chip in its ROM bootloader on a serial port.",
    "Pair two pseudo-terminals with `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, run the simulator on one and",
    "rivet flash (or stm32flash) on the other. Serves until the port closes."})
final class SimCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROTOCOL", description = "stm32")
    String protocol;

    @Option(names = "--port", required = true, paramLabel = "PTY", description = "the device end: a pseudo-terminal or serial port")
    String port;

    @Option(names = "--chip", paramLabel = "PID", defaultValue = "0x410",
            description = "product id of the chip: 0x410 (STM32F103, default) or 0x431 (STM32F411)")
    String chip;

    @Option(names = "--faults", paramLabel = "SPEC", description = "inject faults: nack:N, drop:N, corrupt:N, protected (comma-separated)")
    String faults;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!protocol.equals("stm32")) throw new UsageError("error: unknown protocol `" + protocol + "` (simulators: stm32)");
        int pid;
        try {
            pid = Integer.decode(chip);
        } catch (NumberFormatException e) {
            throw new UsageError("error: --chip takes a product id such as 0x410");
        }
        Stm32Chip c = Stm32Chip.byProductId(pid).orElseThrow(() -> new UsageError("error: no simulated chip with product id " + chip
                + " (known: 0x410, 0x431)"));
        Faults f;
        try {
            f = Faults.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new UsageError("error: " + e.getMessage());
        }
        try (SerialLink link = Ports.openFile(port)) {
            err.printf("simulating %s (product id 0x%03x) on %s%n", c.name(), c.productId(), port);
            err.flush();
            Stm32Simulator sim = new Stm32Simulator(link, c, f);
            sim.serve();
            if (sim.startedAt() != null) err.printf("started the program at 0x%08x%n", sim.startedAt());
        }
        err.flush();
        return Main.EXIT_OK;
    }
}
