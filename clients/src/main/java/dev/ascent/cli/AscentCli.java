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
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ascent} command. */
@Command(name = "ascent", mixinStandardHelpOptions = true, version = "ascent 0.1.0",
        description = "Career-guide catalog, learning plans, practice and mentor reviews, from the terminal.",
        subcommands = {HealthCommand.class, LoginCommand.class, LoginCommand.Whoami.class, ProfileCommands.class,
                TokenCommands.class,
                CatalogCommands.Roles.class, CatalogCommands.ShowRole.class, CatalogCommands.Compare.class,
                CatalogCommands.Search.class, CatalogCommands.Prompts.class, CatalogCommands.Import.class,
                PlanCommands.class, ItemCommands.class, ItemCommands.Log.class, ItemDetail.Comments.class,
                ProgressCommands.Progress.class, ProgressCommands.Activity.class, ProgressCommands.Watch.class,
                PracticeCommands.class, RecallCommands.class, ExportCommands.Export.class,
                ExportCommands.Calendar.class, MentorCommands.class, MentorCommands.Mentees.class, ReviewCommands.class,
                AdminCommands.class},
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 usage or invalid input, 3 not authenticated or not allowed,",
                "4 not found, 5 service unavailable, 6 feature not available on this server yet."})
public final class AscentCli {

    public static void main(String[] args) {
        System.exit(run(Cli.system(), args));
    }

    static int run(Cli cli, String... args) {
        return commandLine(cli).execute(args);
    }

    static CommandLine commandLine(Cli cli) {
        CommandLine cl = new CommandLine(new AscentCli(), new Factory(cli));
        cl.setOut(cli.out);
        cl.setErr(cli.err);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            Map<String, String> flags = command.getCommand() instanceof ClientCommand c ? c.flags() : Map.of();
            cli.err.println("ascent: " + message(e, flags));
            cli.err.flush();
            return exitCode(e);
        });
        return cl;
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
            return a.code().name().toLowerCase().replace('_', ' ') + ": " + Wording.text(a.description(), flags);
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
