package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardException;
import dev.rivet.boards.BoardRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet boards [NAME]}: the board table, or one board in full. */
@Command(name = "boards", mixinStandardHelpOptions = true,
        description = {"List the boards rivet knows, or show one board in full.",
            "Besides these, virt-<target> names a generic emulated machine for each target triple."})
final class BoardsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a board to describe")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BoardRegistry registry = BoardRegistry.builtin();
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.print(table(registry.all()));
        } else {
            Board board;
            try {
                board = registry.get(name);
            } catch (BoardException e) {
                throw new UsageError(e.getMessage());
            }
            out.print(BoardPrinter.describe(board));
        }
        out.flush();
        return Main.EXIT_OK;
    }

    static String table(List<Board> boards) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BOARD", "CHIP", "CORE", "TARGET", "FLASH", "RAM", "FLASHING"});
        for (Board b : boards)
            rows.add(new String[] {b.name(), b.chip().name(), b.core().id(), b.target().triple(),
                BoardPrinter.size(b.flashSize()), BoardPrinter.size(b.ramSize()), b.flashing().summary()});
        return TextTable.render(rows, 4, 5);
    }
}
