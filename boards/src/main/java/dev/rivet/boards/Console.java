package dev.rivet.boards;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a board's text output goes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Console.Semihosting.class, name = "semihosting"),
    @JsonSubTypes.Type(value = Console.Uart.class, name = "uart")
})
public sealed interface Console {

    /** Only the debugger's semihosting channel (emulator, virtual machines). */
    record Semihosting() implements Console {}

    /**
     * A memory-mapped UART. To send a byte: wait for {@code txReady}, write the byte to
     * {@code base + txData}, then, if {@code txDone} is given, wait for it and write its
     * {@code value}'s complement bits back to clear the event (event-style UARTs such as nRF's).
     *
     * @param peripheral the reference manual's name (USART1, UART0, ...)
     * @param pins       which pins carry TX and RX on this board
     * @param baud       line rate the {@code init} writes configure
     * @param base       peripheral base address
     * @param txData     offset of the transmit data register
     * @param txReady    condition that must hold before a byte is written
     * @param txDone     optional condition that signals the byte was sent (cleared by writing 0)
     * @param init       steps that enable clocks, pins and the transmitter
     */
    record Uart(String peripheral, String pins, int baud, long base, long txData,
                RegisterCondition txReady, Optional<RegisterCondition> txDone,
                List<InitStep> init) implements Console {
        public Uart {
            Objects.requireNonNull(peripheral, "console.peripheral is required");
            Objects.requireNonNull(txReady, "console.tx_ready is required");
            if (base <= 0) throw new IllegalArgumentException("console.base is required");
            if ((txData & 3) != 0) throw new IllegalArgumentException("console.tx_data must be word-aligned");
            if (pins == null) pins = "";
            if (txDone == null) txDone = Optional.empty();
            init = init == null ? List.of() : List.copyOf(init);
        }

        public long txDataAddress() { return base + txData; }
    }
}
