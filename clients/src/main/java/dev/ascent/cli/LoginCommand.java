package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Checks a token and saves it with the service addresses in the config file (mode 0600):",
                "$ASCENT_CONFIG, else $XDG_CONFIG_HOME/ascent/config.properties, else ~/.config/ascent/config.properties.",
                "The token comes from --token, else $ASCENT_TOKEN, else one line on standard input."})
final class LoginCommand extends ClientCommand {

    LoginCommand(Cli cli) {
        super(cli);
    }

    @Override
    int run(AscentClient unused) {
        Path file = cli.configFile();
        Properties config = Config.load(file);
        String token = connection.token(cli, new Properties());
        if (token == null) {
            token = readToken();
        }
        connection.token = token;
        try (AscentClient client = connection.open(cli)) {
            User user = client.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getUser();
            config.setProperty("content", connection.content(cli, config));
            config.setProperty("tracker", connection.tracker(cli, config));
            config.setProperty("token", token);
            config.setProperty("handle", user.getHandle());
            if (connection.caFile != null) {
                config.setProperty("ca-file", connection.caFile.getAbsolutePath());
            }
            Config.save(file, config);
            if (json) {
                Json.print(cli.out, user);
            } else {
                cli.out.printf("Logged in as %s (%s); saved to %s%n", user.getHandle(), user.getDisplayName(), file);
            }
        }
        return 0;
    }

    private String readToken() {
        if (cli.interactive && System.console() != null) {
            char[] typed = System.console().readPassword("Access token: ");
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
        throw new CliException(ExitCodes.USAGE, "no token: pass --token, set ASCENT_TOKEN or type it in");
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Shows the user the token belongs to.")
    static final class Whoami extends ClientCommand {
        Whoami(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            User user = client.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getUser();
            if (json) {
                Json.print(cli.out, user);
            } else {
                cli.out.printf("%s (%s)%s%n", user.getHandle(), user.getDisplayName(), user.getAdmin() ? ", admin" : "");
            }
            return 0;
        }
    }
}
