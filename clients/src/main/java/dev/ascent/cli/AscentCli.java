package dev.ascent.cli;

import dev.ascent.client.AscentException;
import dev.ascent.client.DeadlineExceededException;
import dev.ascent.client.InvalidArgumentException;
import dev.ascent.client.NotFoundException;
import dev.ascent.client.PermissionDeniedException;
import dev.ascent.client.UnauthenticatedException;
import dev.ascent.client.UnavailableException;
import dev.ascent.client.UnimplementedException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ascent} command. */
@Command(
        name = "ascent",
        mixinStandardHelpOptions = true,
        version = "ascent 0.1.0",
        description = "Career-guide catalog, learning plans, practice and mentor reviews, from the terminal.",
        subcommands = {
            HealthCommand.class,
            LoginCommand.class,
            LoginCommand.Whoami.class,
            ProfileCommands.class,
            TokenCommands.class,
            CatalogCommands.Roles.class,
            CatalogCommands.ShowRole.class,
            CatalogCommands.Compare.class,
            CatalogCommands.Search.class,
            CatalogCommands.Prompts.class,
            CatalogCommands.Import.class,
            PlanCommands.class,
            ItemCommands.class,
            ItemCommands.Log.class,
            ItemDetail.Comments.class,
            ProgressCommands.Progress.class,
            ProgressCommands.Activity.class,
            ProgressCommands.Watch.class,
            PracticeCommands.class,
            RecallCommands.class,
            ExportCommands.Export.class,
            ExportCommands.Calendar.class,
            MentorCommands.class,
            MentorCommands.Mentees.class,
            ReviewCommands.class,
            AdminCommands.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 failed, 2 usage or invalid input, 3 not authenticated or not allowed,",
            "4 not found, 5 service unavailable, 6 feature not available on this server yet."
        })
public final class AscentCli {

    public static void main(String[] args) {
        StartupTrace.mark("main");
        int code = run(Cli.system(), args);
        StartupTrace.mark("done");
        StartupTrace.print();
        System.exit(code);
    }

    static int run(Cli cli, String... args) {
        Integer hot = HotPath.run(cli, args);
        return hot != null ? hot : commandLine(cli, args).execute(args);
    }

    /** The whole command tree (help, and anything that is not one known command). */
    static CommandLine commandLine(Cli cli) {
        return configure(new CommandLine(new AscentCli(), new Factory(cli)), cli);
    }

    /**
     * The tree picocli needs for {@code args}: when they name one top-level command, only that command is built.
     * picocli reads every option of every command class by reflection when it builds a tree, and for the whole tree
     * that was most of a short command's start-up (docs/PERFORMANCE.md, "CLI start-up").
     */
    static CommandLine commandLine(Cli cli, String... args) {
        Class<?> only = args.length == 0 ? null : subcommand(args[0]);
        if (only == null) {
            return commandLine(cli);
        }
        Factory factory = new Factory(cli);
        CommandLine cl = new CommandLine(new Root(), factory);
        cl.addSubcommand(new CommandLine(only, factory));
        return configure(cl, cli);
    }

    /** The top-level command class named {@code name} (or one of its aliases), if there is one. */
    private static Class<?> subcommand(String name) {
        for (Class<?> c : AscentCli.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name)) {
                return c;
            }
        }
        return null;
    }

    /** The root of a one-command tree: the command itself prints its usage and errors as "ascent NAME". */
    @Command(name = "ascent")
    static final class Root {}

    private static CommandLine configure(CommandLine cl, Cli cli) {
        cl.setOut(cli.out);
        cl.setErr(cli.err);
        cl.setExecutionExceptionHandler((e, command, parseResult) ->
                failed(cli, e, command.getCommand() instanceof ClientCommand c ? c.flags() : Map.of()));
        return cl;
    }

    /** Reports a command's failure on standard error, in the words of its {@code flags}; returns the exit code. */
    static int failed(Cli cli, Exception e, Map<String, String> flags) {
        cli.err.println("ascent: " + message(e, flags));
        cli.err.flush();
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof UnauthenticatedException || e instanceof PermissionDeniedException) {
            return ExitCodes.AUTH;
        }
        if (e instanceof NotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof UnavailableException || e instanceof DeadlineExceededException) {
            return ExitCodes.UNAVAILABLE;
        }
        if (e instanceof UnimplementedException) {
            return ExitCodes.NOT_AVAILABLE_YET;
        }
        if (e instanceof InvalidArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    private static String message(Throwable e, Map<String, String> flags) {
        if (e instanceof UnimplementedException) {
            return "this feature is not available on the server yet (UNIMPLEMENTED)";
        }
        if (e instanceof UnauthenticatedException u) {
            return "not logged in or the token is not valid: " + u.description()
                    + " (run 'ascent login' or set ASCENT_TOKEN)";
        }
        if (e instanceof UnavailableException || e instanceof DeadlineExceededException) {
            return "service unavailable: " + Wording.text(((AscentException) e).description(), flags)
                    + " (is the platform running? try 'ascent health')";
        }
        if (e instanceof InvalidArgumentException i) {
            return "invalid input: " + Wording.invalid(i, flags);
        }
        if (e instanceof AscentException a) {
            return a.code().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + Wording.text(a.description(), flags);
        }
        if (e instanceof CliException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Hands the {@link Cli} to every command and mixin that takes one. */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(Cli.class);
                c.setAccessible(true);
                return c.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
