package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that talks to the services: opens a client from {@link Connection}, runs, closes it. */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--json", description = "print JSON (protobuf JSON mapping) for scripts instead of text")
    boolean json;

    protected final Cli cli;
    private String handle;

    ClientCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() {
        try (AscentClient client = connection.open(cli, defaultDeadlineSeconds())) {
            return run(client);
        }
    }

    abstract int run(AscentClient client);

    /** The deadline of each call when --deadline is not given. */
    int defaultDeadlineSeconds() {
        return 10;
    }

    /** The caller's handle, asked once per command. */
    String me(AscentClient client) {
        if (handle == null) {
            handle = client.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getUser().getHandle();
        }
        return handle;
    }

    Refs refs(AscentClient client) {
        return new Refs(client, () -> me(client));
    }
}
