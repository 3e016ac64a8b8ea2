package dev.rivet.cli;

import dev.rivet.boards.Board;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet new}: a project directory ready to build, run and test. */
@Command(name = "new", description = {"Create a new project.",
    "Writes NAME/rivet.toml and NAME/src/main.rs: a program that blinks the board's LED",
    "(or prints, on boards without one) and has one #[test]."})
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the project's directory and package name")
    Path dir;

    @Option(names = "--board", paramLabel = "BOARD", description = "the board (default: " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*"))
            throw new UsageError("error: `" + name + "` is not a valid package name (letters, digits, `_` and `-`)");
        if (Files.exists(dir)) throw new UserError("error: destination `" + dir + "` already exists");
        Board b = Firmware.selectBoard(board, null);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("rivet.toml"), ProjectTemplate.manifest(name, b));
        Files.writeString(dir.resolve("src/main.rs"), ProjectTemplate.main(name.replace('-', '_'), b));
        spec.commandLine().getOut().printf("     Created `%s` for %s (%s)%n", name, b.name(), b.target().triple());
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
