package dev.ascent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ascent profile list|use|remove}: the logins saved by {@code ascent login}. Never prints a token. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        description = {
            "The logins saved by 'ascent login'. Pick one for a single command with --profile NAME",
            "or $ASCENT_PROFILE; without either the default profile is used."
        },
        subcommands = {ProfileCommands.ListProfiles.class, ProfileCommands.Use.class, ProfileCommands.Remove.class})
final class ProfileCommands implements Callable<Integer> {

    @Mixin
    Connection connection;

    private final Cli cli;

    ProfileCommands(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return list(cli, connection.profiles(cli));
    }

    static int list(Cli cli, Profiles profiles) {
        Table t = new Table("PROFILE", "USER", "TRACKER", "DEFAULT");
        for (String name : profiles.names()) {
            t.row(
                    name,
                    profiles.get(name, "handle"),
                    profiles.get(name, "tracker"),
                    name.equals(profiles.defaultProfile()) ? "yes" : "");
        }
        if (t.isEmpty()) {
            cli.out.println("no profiles yet; save one with: ascent login --profile NAME < token-file");
        } else {
            t.print(cli);
        }
        cli.out.flush();
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the saved profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @Mixin
        Connection connection;

        private final Cli cli;

        ListProfiles(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return list(cli, connection.profiles(cli));
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Makes a profile the default.")
    static final class Use implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "NAME", description = "a profile saved by 'ascent login'")
        String name;

        private final Cli cli;

        Use(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Profiles profiles = connection.profiles(cli);
            if (!profiles.exists(name)) {
                throw new CliException(
                        ExitCodes.NOT_FOUND,
                        "no profile '" + name + "' (saved: " + String.join(", ", profiles.names())
                                + "); save one with: ascent login --profile " + name);
            }
            profiles.use(name);
            profiles.save();
            cli.out.printf("default profile: %s (%s)%n", name, profiles.get(name, "handle"));
            cli.out.flush();
            return 0;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description =
                    "Forgets a profile and its token (the token stays valid: revoke it with 'ascent token revoke').")
    static final class Remove implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "NAME", description = "a saved profile")
        String name;

        private final Cli cli;

        Remove(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Profiles profiles = connection.profiles(cli);
            if (!profiles.exists(name)) {
                throw new CliException(ExitCodes.NOT_FOUND, "no profile '" + name + "'");
            }
            profiles.remove(name);
            profiles.save();
            cli.out.printf("removed profile %s%n", name);
            cli.out.flush();
            return 0;
        }
    }
}
