package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import dev.ascent.proto.tracker.v1.ConsistencyDrift;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import dev.ascent.proto.tracker.v1.ResetUserAccessRequest;
import dev.ascent.proto.tracker.v1.ResetUserAccessResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent admin create-user | check | backup | restore}: the administrator's commands. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administration (needs the admin token).",
        subcommands = {
            AdminCommands.CreateUser.class,
            AdminCommands.ResetAccess.class,
            AdminCommands.Check.class,
            BackupCommands.Backup.class,
            BackupCommands.Restore.class
        })
final class AdminCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a subcommand: create-user, reset-access, check, backup, restore");
    }

    @Command(
            name = "create-user",
            mixinStandardHelpOptions = true,
            description = "Creates a user and prints their first access token (shown once).")
    static final class CreateUser extends ClientCommand {
        @Parameters(
                index = "0",
                paramLabel = "HANDLE",
                description = "3 to 32 of a-z, 0-9 and '-', starting with a letter")
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
            CreateUserResponse r = client.accounts()
                    .createUser(CreateUserRequest.newBuilder()
                            .setHandle(handle)
                            .setDisplayName(String.join(" ", displayName))
                            .build());
            if (json) {
                Json.print(cli.out, r);
            } else if (r.getTokenWithheld()) {
                // Only a retry long after the first attempt gets this (the server keeps the secret 10 minutes).
                cli.err.printf(
                        "ascent: %s was created, but its token was already handed to an earlier attempt "
                                + "and is no longer shown%n",
                        r.getUser().getName());
                cli.err.flush();
                return 1;
            } else if (tokenOnly) {
                cli.out.println(r.getToken());
            } else {
                cli.out.printf(
                        "created %s (%s)%ntoken (shown once): %s%n",
                        r.getUser().getHandle(), r.getUser().getDisplayName(), r.getToken());
                cli.out.println("they save it with 'ascent login', pasting it at the prompt (or: ascent admin "
                        + "create-user ... --token-only | ascent login --profile "
                        + r.getUser().getHandle() + ")");
            }
            cli.out.flush();
            return 0;
        }
    }

    @Command(
            name = "reset-access",
            mixinStandardHelpOptions = true,
            description = {
                "For a user who lost their token: revokes all their tokens and prints a new one (shown",
                "once). Recorded in the tracker's log and the user's activity."
            })
    static final class ResetAccess extends ClientCommand {
        @Parameters(paramLabel = "HANDLE", description = "the user")
        String handle;

        @Option(names = "--label", description = "the new token's label (default: reset by admin)")
        String label;

        @Option(names = "--token-only", description = "print only the token (for a pipe into 'ascent login')")
        boolean tokenOnly;

        ResetAccess(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = ResetUserAccessRequest.newBuilder().setUser("users/" + handle);
            if (label != null) {
                request.setLabel(label);
            }
            ResetUserAccessResponse r = client.accounts().resetUserAccess(request.build());
            if (json) {
                Json.print(cli.out, r);
            } else if (r.getTokenWithheld()) {
                cli.err.printf(
                        "ascent: %s's access was reset, but the new token went to an earlier attempt and is "
                                + "no longer shown; reset again%n",
                        handle);
                cli.err.flush();
                return 1;
            } else if (tokenOnly) {
                cli.out.println(r.getToken());
            } else {
                cli.out.printf(
                        "reset %s: %d old token%s revoked; new token (shown once):%n%s%n",
                        handle, r.getRevokedCount(), r.getRevokedCount() == 1 ? "" : "s", r.getToken());
            }
            cli.out.flush();
            return 0;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Recomputes every stored counter and rollup from the raw rows (time entries, practice "
                        + "steps) and lists what differs. Exits 0 when nothing differs, 1 when something does.",
                "With --repair, also sets the stored values to the recomputed ones (each plan and session "
                        + "under its lock; safe while the platform runs)."
            })
    static final class Check extends ClientCommand {
        @Option(names = "--repair", description = "fix what differs")
        boolean repair;

        @Option(names = "--page-size", paramLabel = "N", description = "plans or sessions per call (default: 200)")
        int pageSize;

        Check(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            int plans = 0;
            int sessions = 0;
            int drifts = 0;
            String token = "";
            do {
                CheckConsistencyResponse page = client.admin()
                        .checkConsistency(CheckConsistencyRequest.newBuilder()
                                .setRepair(repair)
                                .setPageSize(pageSize)
                                .setPageToken(token)
                                .build());
                plans += page.getPlansChecked();
                sessions += page.getSessionsChecked();
                for (ConsistencyDrift d : page.getDriftsList()) {
                    drifts++;
                    if (json) {
                        Json.print(cli.out, d);
                    } else {
                        cli.out.printf(
                                "%s %s: stored %d, recomputed %d%s%n",
                                d.getResource(),
                                d.getField(),
                                d.getStored(),
                                d.getExpected(),
                                repair ? " (repaired)" : "");
                    }
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            if (!json) {
                cli.out.printf(
                        "checked %d plans and %d practice sessions: %s%n",
                        plans,
                        sessions,
                        drifts == 0
                                ? "consistent"
                                : drifts
                                        + (drifts == 1 ? " value differs" : " values differ")
                                        + (repair ? ", repaired" : "; run with --repair to fix"));
            }
            cli.out.flush();
            return drifts == 0 || repair ? 0 : 1;
        }
    }
}
