package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that talks to the services: opens a client from {@link Connection}, runs, closes it. */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--json", description = "print JSON (protobuf JSON mapping) for scripts instead of text")
    boolean json;

    @Option(names = "--wide", description = "never cut table cells to the terminal's width")
    boolean wide;

    protected final Cli cli;
    private String handle;
    private Refs refs;

    ClientCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() {
        cli.wide = wide;
        if (!json) {
            cli.askTerminalSoon();
        }
        StartupTrace.mark("parsed");
        try (AscentClient client = connection.open(cli, defaultDeadlineSeconds())) {
            StartupTrace.mark("opened");
            int code = run(client);
            StartupTrace.mark("ran");
            return code;
        } finally {
            StartupTrace.mark("closed");
        }
    }

    abstract int run(AscentClient client);

    /** The deadline of each call when --deadline is not given. */
    int defaultDeadlineSeconds() {
        return 10;
    }

    /**
     * How the API's field names read on this command's command line, for error messages: {@code hours_per_week}
     * becomes {@code --hours-per-week}. Commands add or override entries; see {@link Wording}.
     */
    Map<String, String> flags() {
        return Map.of();
    }

    /** The caller's handle: saved with the profile's token by 'ascent login', else asked once per command. */
    String me(AscentClient client) {
        if (handle == null) {
            handle = connection.savedHandle(cli);
        }
        if (handle == null) {
            handle = client.accounts()
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser()
                    .getHandle();
        }
        return handle;
    }

    /** One per command, so that what it looked up (the current plan) is looked up once. */
    Refs refs(AscentClient client) {
        if (refs == null) {
            refs = new Refs(client, () -> me(client), () -> storedPlan(client));
        }
        return refs;
    }

    /** The plan picked with 'ascent plan use' for the caller in the selected profile, or null. */
    String storedPlan(AscentClient client) {
        Profiles p = connection.profiles(cli);
        return p.get(connection.profileName(cli), "plan." + me(client));
    }

    void storePlan(AscentClient client, String planName) {
        Profiles p = connection.profiles(cli);
        p.set(connection.profileName(cli), "plan." + me(client), planName);
        p.save();
    }
}
