package dev.rivet.cli;

import picocli.CommandLine.Option;

/** {@code --panic}, shared by the commands that build firmware (a picocli mixin). */
final class PanicOption {
    @Option(names = "--panic", paramLabel = "STRATEGY",
            description = "report (default: message and location on the console) or trap (a trap instruction, the smallest code)")
    String strategy;
}
