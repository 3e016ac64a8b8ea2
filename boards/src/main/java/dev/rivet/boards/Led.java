package dev.rivet.boards;

import java.util.List;
import java.util.Objects;

/**
 * The board's user LED, driven through a GPIO output data register.
 *
 * @param name      the pin's name on the schematic (PC13, GPIO25, P0.13)
 * @param gpioBase  base address of the GPIO port
 * @param pin       bit number within the port
 * @param output    offset of the output data register (read-modify-write toggles the pin)
 * @param activeLow true when driving the pin low lights the LED
 * @param init      register writes that clock the port and make the pin an output
 */
public record Led(String name, long gpioBase, int pin, long output, boolean activeLow, List<InitStep> init) {
    public Led {
        Objects.requireNonNull(name, "led.name is required");
        if (gpioBase <= 0) throw new IllegalArgumentException("led.gpio_base is required");
        if (pin < 0 || pin > 31) throw new IllegalArgumentException("led.pin must be 0..31");
        init = init == null ? List.of() : List.copyOf(init);
    }

    public long outputAddress() { return gpioBase + output; }
}
