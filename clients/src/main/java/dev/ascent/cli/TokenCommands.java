package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.CreateAccessTokenResponse;
import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.ListAccessTokensResponse;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent token create|list|revoke}: your own access tokens. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke your access tokens.",
        subcommands = {TokenCommands.Create.class, TokenCommands.ListTokens.class, TokenCommands.Revoke.class})
final class TokenCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: create, list or revoke");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates another token for you and prints it once.",
                "Save it straight into a profile: ascent token create --label laptop --token-only | "
                        + "ascent login --profile laptop"
            })
    static final class Create extends ClientCommand {
        @Option(names = "--label", description = "what it is for, e.g. 'laptop' (up to 100 characters)")
        String label;

        @Option(names = "--token-only", description = "print only the token (for a pipe into 'ascent login')")
        boolean tokenOnly;

        Create(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = CreateAccessTokenRequest.newBuilder();
            if (label != null) {
                request.setLabel(label);
            }
            CreateAccessTokenResponse r = client.accounts().createAccessToken(request.build());
            if (json) {
                Json.print(cli.out, r);
            } else if (tokenOnly) {
                cli.out.println(r.getToken());
            } else {
                cli.out.printf(
                        "token %s (%s), shown once:%n%s%n",
                        Fmt.id(r.getAccessToken().getName()), r.getAccessToken().getLabel(), r.getToken());
            }
            cli.out.flush();
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Your tokens, newest first (never the secrets; PREFIX tells them apart).")
    static final class ListTokens extends ClientCommand {
        @Option(names = "--all", description = "include revoked tokens")
        boolean all;

        ListTokens(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            List<AccessToken> tokens = new ArrayList<>();
            String page = "";
            do {
                ListAccessTokensResponse r = client.accounts()
                        .listAccessTokens(ListAccessTokensRequest.newBuilder()
                                .setPageSize(100)
                                .setPageToken(page)
                                .build());
                r.getAccessTokensList().stream()
                        .filter(t -> all || !t.hasRevokeTime())
                        .forEach(tokens::add);
                page = r.getNextPageToken();
            } while (!page.isEmpty());
            if (json) {
                Json.printList(cli.out, tokens);
                return 0;
            }
            String mine = connection.token(cli);
            Table t = new Table("ID", "LABEL", "PREFIX", "CREATED", "LAST USED", "REVOKED");
            tokens.forEach(a -> t.row(
                    Fmt.id(a.getName()) + (mine != null && mine.startsWith(a.getPrefix()) ? " (this one)" : ""),
                    a.getLabel(),
                    a.getPrefix(),
                    Fmt.time(a.getCreateTime()),
                    Fmt.time(a.getLastUseTime()),
                    a.hasRevokeTime() ? Fmt.time(a.getRevokeTime()) : ""));
            t.print(cli);
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revokes one of your tokens: calls with it fail from then on.")
    static final class Revoke extends ClientCommand {
        @Parameters(paramLabel = "ID", description = "the token's id (see 'ascent token list') or full name")
        String id;

        Revoke(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = id.startsWith("users/") ? id : "users/" + me(client) + "/accessTokens/" + id;
            AccessToken revoked = client.accounts()
                    .revokeAccessToken(
                            RevokeAccessTokenRequest.newBuilder().setName(name).build())
                    .getAccessToken();
            if (json) {
                Json.print(cli.out, revoked);
            } else {
                cli.out.printf("revoked token %s (%s)%n", Fmt.id(revoked.getName()), revoked.getLabel());
            }
            cli.out.flush();
            return 0;
        }
    }
}
