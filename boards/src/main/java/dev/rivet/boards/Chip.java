package dev.rivet.boards;

import dev.rivet.ir.TargetTriple;
import java.util.Objects;

/**
 * The microcontroller on a board.
 *
 * @param name      part number, e.g. {@code STM32F103C8}
 * @param vendor    manufacturer
 * @param core      processor core
 * @param target    the triple programs are compiled for (must match the core's ISA)
 * @param reference the document the board file's facts come from
 */
public record Chip(String name, String vendor, Core core, TargetTriple target, String reference) {
    public Chip {
        Objects.requireNonNull(name, "chip.name is required");
        Objects.requireNonNull(core, "chip.core is required");
        if (target == null) target = core.defaultTarget();
        if (target.arch() != core.arch())
            throw new IllegalArgumentException("target " + target + " does not run on core " + core);
        if (vendor == null) vendor = "";
        if (reference == null) reference = "";
    }
}
