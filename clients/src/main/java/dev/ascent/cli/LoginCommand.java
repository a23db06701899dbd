package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a token and saves it as a profile, with the service addresses, in the config file",
            "(mode 0600): $ASCENT_CONFIG, else $XDG_CONFIG_HOME/ascent/config.properties, else",
            "~/.config/ascent/config.properties.",
            "The token is read from standard input (one line: 'ascent login < token-file', or a pipe), or typed",
            "at a hidden prompt; $ASCENT_TOKEN and --token work too but put it where others may read it.",
            "The profile is --profile NAME, else the user's handle. The first profile saved becomes the default;",
            "--default makes this one the default ('ascent profile use NAME' switches later)."
        })
final class LoginCommand extends ClientCommand {

    @Option(names = "--default", description = "make this profile the default")
    boolean makeDefault;

    LoginCommand(Cli cli) {
        super(cli);
    }

    @Override
    int run(AscentClient unused) {
        Profiles profiles = connection.profiles(cli);
        String token = connection.token != null ? connection.token : cli.env("ASCENT_TOKEN");
        if (token == null) {
            token = readToken();
        }
        connection.token = token;
        try (AscentClient client = connection.open(cli, 10)) {
            User user = client.accounts()
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser();
            String name = connection.profile != null
                    ? connection.profile.strip()
                    : cli.env("ASCENT_PROFILE") != null ? cli.env("ASCENT_PROFILE") : user.getHandle();
            String content = connection.content(cli);
            String tracker = connection.tracker(cli);
            if (profiles.exists(name) && !user.getHandle().equals(profiles.get(name, "handle"))) {
                // Another person's login under this name: their current plans must not carry over.
                profiles.remove(name);
            }
            profiles.set(name, "content", content);
            profiles.set(name, "tracker", tracker);
            profiles.set(name, "token", token);
            profiles.set(name, "handle", user.getHandle());
            if (connection.caFile != null) {
                profiles.set(name, "ca-file", connection.caFile.getAbsolutePath());
            }
            boolean isDefault =
                    makeDefault || profiles.defaultProfile() == null || name.equals(profiles.defaultProfile());
            if (isDefault) {
                profiles.use(name);
            }
            profiles.save();
            if (json) {
                Json.print(cli.out, user);
            } else {
                cli.out.printf(
                        "Logged in as %s (%s); saved as profile %s%s in %s%n",
                        user.getHandle(),
                        user.getDisplayName(),
                        name,
                        isDefault ? " (the default)" : ", used with --profile " + name,
                        profiles.file());
            }
        }
        return 0;
    }

    private String readToken() {
        if (cli.interactive && System.console() != null) {
            char[] typed = System.console().readPassword("Access token (not shown): ");
            if (typed != null && typed.length > 0) {
                return new String(typed).strip();
            }
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)).readLine();
                if (line != null && !line.isBlank()) {
                    return line.strip();
                }
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot read the token: " + e.getMessage());
            }
        }
        throw new CliException(
                ExitCodes.USAGE,
                "no token: pipe it in ('ascent login < token-file'), type it at the " + "prompt, or set ASCENT_TOKEN");
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Shows the user the token belongs to.")
    static final class Whoami extends ClientCommand {
        Whoami(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            User user = client.accounts()
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser();
            if (json) {
                Json.print(cli.out, user);
            } else {
                cli.out.printf(
                        "%s (%s)%s%n", user.getHandle(), user.getDisplayName(), user.getAdmin() ? ", admin" : "");
            }
            return 0;
        }
    }
}
