package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent admin create-user}: needs the admin token. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administration (needs the admin token).",
        subcommands = {AdminCommands.CreateUser.class})
final class AdminCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: create-user");
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = "Creates a user and prints their first access token (shown once).")
    static final class CreateUser extends ClientCommand {
        @Parameters(index = "0", paramLabel = "HANDLE", description = "3 to 32 of a-z, 0-9 and '-', starting with a letter")
        String handle;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "DISPLAY NAME", description = "the user's name")
        List<String> displayName;
        @Option(names = "--token-only", description = "print only the token (for scripts)")
        boolean tokenOnly;

        CreateUser(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            CreateUserResponse r = client.accounts().createUser(CreateUserRequest.newBuilder().setHandle(handle)
                    .setDisplayName(String.join(" ", displayName)).build());
            if (json) {
                Json.print(cli.out, r);
            } else if (tokenOnly) {
                cli.out.println(r.getToken());
            } else {
                cli.out.printf("created %s (%s)%ntoken (shown once): %s%n", r.getUser().getHandle(),
                        r.getUser().getDisplayName(), r.getToken());
                cli.out.printf("they log in with: ascent login --token %s%n", r.getToken());
            }
            cli.out.flush();
            return 0;
        }
    }
}
