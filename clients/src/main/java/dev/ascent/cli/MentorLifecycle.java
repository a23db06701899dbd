package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.EndMentorshipRequest;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListMentorsRequest;
import dev.ascent.proto.tracker.v1.MenteeSummary;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ascent mentor wait|list|end}: after the invitation. */
final class MentorLifecycle {

    private MentorLifecycle() {}

    /** The caller's newest invitation to {@code mentor}, in any state. */
    static Optional<Mentorship> sentTo(AscentClient client, String mentor) {
        return client
                .mentorship()
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_SENT)
                        .setState(MentorshipState.MENTORSHIP_STATE_UNSPECIFIED)
                        .setPageSize(100)
                        .build())
                .getMentorshipsList()
                .stream()
                .filter(m -> m.getMentor().equals("users/" + mentor))
                .max((a, b) -> Long.compare(
                        a.getCreateTime().getSeconds() * 1_000_000_000L
                                + a.getCreateTime().getNanos(),
                        b.getCreateTime().getSeconds() * 1_000_000_000L
                                + b.getCreateTime().getNanos()));
    }

    @Command(
            name = "wait",
            mixinStandardHelpOptions = true,
            description = {
                "Waits until the mentor you invited accepts (exit 0), declines (exit 1), or --timeout",
                "seconds pass (exit 5). Returns at once when they already answered."
            })
    static final class Wait extends ClientCommand {
        @Parameters(paramLabel = "HANDLE", description = "the mentor you invited")
        String mentor;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up after this long (default: 600)")
        int timeoutSeconds = 600;

        Wait(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            long until = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            boolean told = false;
            while (true) {
                Mentorship m = sentTo(client, mentor)
                        .orElseThrow(() -> new CliException(
                                ExitCodes.NOT_FOUND,
                                "you have not invited " + mentor + "; do it with: ascent mentor invite " + mentor));
                switch (m.getState()) {
                    case MENTORSHIP_STATE_ACTIVE -> {
                        cli.out.printf("%s accepted: they mentor you now%n", mentor);
                        cli.out.flush();
                        return 0;
                    }
                    case MENTORSHIP_STATE_PENDING -> {
                        if (System.nanoTime() > until) {
                            throw new CliException(
                                    ExitCodes.UNAVAILABLE,
                                    mentor + " has not answered within " + timeoutSeconds
                                            + " s; the invitation stays open");
                        }
                        if (!told) {
                            cli.out.printf(
                                    "waiting for %s to accept (they run: ascent mentor accept %s)...%n",
                                    mentor, me(client));
                            cli.out.flush();
                            told = true;
                        }
                        sleep();
                    }
                    default -> {
                        cli.out.printf(
                                "%s did not accept: the invitation is %s%n",
                                mentor, Fmt.en(m.getState(), "MENTORSHIP_STATE_"));
                        cli.out.flush();
                        return ExitCodes.FAILED;
                    }
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILED, "interrupted");
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Your active mentorships: your mentors, and the people you mentor.")
    static final class ListMentorships extends ClientCommand {
        @Option(names = "--limit", paramLabel = "N", description = "at most this many (default: 100)")
        int limit = Pages.DEFAULT_LIMIT;

        ListMentorships(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            int max = Pages.limit(limit);
            Pages.Listing<Mentorship> mentorsListed = Pages.upTo(
                    token -> client.mentorship()
                            .listMentors(ListMentorsRequest.newBuilder()
                                    .setPageSize(Math.min(100, max))
                                    .setPageToken(token)
                                    .build()),
                    r -> r.getMentorshipsList(),
                    r -> r.getNextPageToken(),
                    r -> r.getTotalSize(),
                    max);
            Pages.Listing<MenteeSummary> menteesListed = MentorCommands.mentees(client, max);
            List<Mentorship> mentors = mentorsListed.rows();
            List<MenteeSummary> mentees = menteesListed.rows();
            if (json) {
                Json.printList(cli.out, mentors);
                return 0;
            }
            Table t = new Table("ID", "ROLE", "WHO", "NAME", "SINCE");
            mentors.forEach(m -> t.row(
                    Fmt.id(m.getName()),
                    "your mentor",
                    Fmt.id(m.getMentor()),
                    m.getMentorDisplayName(),
                    Fmt.time(m.getRespondTime())));
            mentees.forEach(
                    m -> t.row(Fmt.id(m.getMentorship()), "you mentor", Fmt.id(m.getMentee()), m.getDisplayName(), ""));
            if (t.isEmpty()) {
                cli.out.println("no active mentorships");
            } else {
                t.print(cli);
            }
            cli.out.flush();
            if (mentorsListed.more() || menteesListed.more()) {
                Pages.hint(
                        cli,
                        mentors.size() + mentees.size(),
                        mentorsListed.total() + menteesListed.total(),
                        "--limit N shows more");
            }
            return 0;
        }
    }

    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = {
                "Ends a mentorship, from either side: the mentor stops seeing your plans at once and",
                "open review requests are cancelled."
            })
    static final class End extends ClientCommand {
        @Parameters(paramLabel = "HANDLE|ID", description = "your mentor's or mentee's handle, or the mentorship id")
        String who;

        End(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            Mentorship m = client.mentorship()
                    .endMentorship(EndMentorshipRequest.newBuilder()
                            .setName(active(client, who))
                            .build())
                    .getMentorship();
            if (json) {
                Json.print(cli.out, m);
            } else {
                MentorCommands.print(cli, m);
            }
            return 0;
        }

        private static String active(AscentClient client, String who) {
            if (who.startsWith("mentorships/") || who.matches("\\d{1,19}")) {
                return MentorCommands.mentorship(who);
            }
            String user = "users/" + who.replaceFirst("^users/", "");
            List<String> found = new ArrayList<>();
            client
                    .mentorship()
                    .listMentors(
                            ListMentorsRequest.newBuilder().setPageSize(100).build())
                    .getMentorshipsList()
                    .stream()
                    .filter(m -> m.getMentor().equals(user))
                    .forEach(m -> found.add(m.getName()));
            client
                    .mentorship()
                    .listMentees(
                            ListMenteesRequest.newBuilder().setPageSize(100).build())
                    .getMenteesList()
                    .stream()
                    .filter(m -> m.getMentee().equals(user))
                    .forEach(m -> found.add(m.getMentorship()));
            if (found.isEmpty()) {
                throw new CliException(
                        ExitCodes.NOT_FOUND,
                        "no active mentorship with " + who + " ('ascent mentor list' shows yours)");
            }
            return found.get(0);
        }
    }
}
