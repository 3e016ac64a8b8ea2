package dev.rivet.cli;

import dev.rivet.boards.BoardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rivet} command. Exit statuses (also in README.md): 0 success; 1 the work failed
 * (compile errors, a malformed input file, a failed flash); 2 bad command line; other values
 * come from the program run in the emulator or from a fault kind.
 */
@Command(name = "rivet",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Firmware toolchain: compiles Rust for Cortex-M and RISC-V, links, emulates and flashes.",
        subcommands = {NewCommand.class, BuildCommand.class, RunCommand.class, TestCommand.class, SizeCommand.class, FlashCommand.class,
            SimCommand.class, BoardsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0, EXIT_FAILURE = 1, EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // `rivet` alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) throws IOException {
        // `rivet --version` alone answers without building picocli's model of every command (most of its start-up)
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new Version().getVersion()) System.out.println(line);
            System.exit(EXIT_OK);
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit status. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out).setErr(err);
        cli.setParameterExceptionHandler(Main::badCommandLine);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError u) {
                commandLine.getErr().println(u.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof java.io.UncheckedIOException io && String.valueOf(io.getCause().getMessage()).contains("Broken pipe"))
                return 141; // the reader went away (`rivet run ... | head`): stop quietly, as a shell pipeline expects
            if (e instanceof BoardException || e instanceof UserError || e instanceof dev.rivet.codegen.CodegenException) {
                commandLine.getErr().println(e.getMessage());
                return EXIT_FAILURE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** A bad command line: the message, picocli's "did you mean" suggestions, then the usage; status 2. */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cmd.usage(err);
        return EXIT_USAGE;
    }

    /** "rivet 0.1.0" plus the runtime facts a bug report needs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {
                "rivet " + p.getProperty("version", "unknown"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
