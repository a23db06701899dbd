package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.MenteeSummary;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipState;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent mentor invite|invitations|accept|decline} and {@code ascent mentees}. */
@Command(
        name = "mentor",
        mixinStandardHelpOptions = true,
        description = "Invite a mentor, wait for the answer, answer invitations, list and end mentorships.",
        subcommands = {
            MentorCommands.Invite.class,
            MentorCommands.Invitations.class,
            MentorCommands.Accept.class,
            MentorCommands.Decline.class,
            MentorLifecycle.Wait.class,
            MentorLifecycle.ListMentorships.class,
            MentorLifecycle.End.class
        })
final class MentorCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a subcommand: invite, invitations, accept, decline, wait, list or end");
    }

    static String mentorship(String ref) {
        return ref.startsWith("mentorships/") ? ref : "mentorships/" + ref;
    }

    static void print(Cli cli, Mentorship m) {
        cli.out.printf(
                "mentorship %s: %s mentors %s, %s%n",
                Fmt.id(m.getName()),
                Fmt.id(m.getMentor()),
                Fmt.id(m.getMentee()),
                Fmt.en(m.getState(), "MENTORSHIP_STATE_"));
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = "Asks someone to be your mentor.")
    static final class Invite extends ClientCommand {
        @Parameters(paramLabel = "HANDLE", description = "the mentor's handle")
        String handle;

        @Option(names = "--message", description = "a note to the mentor")
        String message;

        Invite(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = InviteMentorRequest.newBuilder().setMentor("users/" + handle);
            if (message != null) {
                request.setMessage(message);
            }
            Mentorship m = client.mentorship().inviteMentor(request.build()).getMentorship();
            if (json) {
                Json.print(cli.out, m);
            } else {
                print(cli, m);
            }
            return 0;
        }
    }

    @Command(
            name = "invitations",
            mixinStandardHelpOptions = true,
            description = "Invitations you received (default) or sent.")
    static final class Invitations extends ClientCommand {
        @Option(names = "--sent", description = "the invitations you sent")
        boolean sent;

        @Option(names = "--all", description = "any state, not only pending")
        boolean all;

        @Option(names = "--limit", paramLabel = "N", description = "at most this many (default: 100)")
        int limit = Pages.DEFAULT_LIMIT;

        Invitations(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            int max = Pages.limit(limit);
            Pages.Listing<Mentorship> listed = Pages.upTo(
                    token -> client.mentorship()
                            .listInvitations(ListInvitationsRequest.newBuilder()
                                    .setDirection(
                                            sent
                                                    ? InvitationDirection.INVITATION_DIRECTION_SENT
                                                    : InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                                    .setState(
                                            all
                                                    ? MentorshipState.MENTORSHIP_STATE_UNSPECIFIED
                                                    : MentorshipState.MENTORSHIP_STATE_PENDING)
                                    .setPageSize(Math.min(100, max))
                                    .setPageToken(token)
                                    .build()),
                    r -> r.getMentorshipsList(),
                    r -> r.getNextPageToken(),
                    r -> r.getTotalSize(),
                    max);
            List<Mentorship> list = listed.rows();
            if (json) {
                Json.printList(cli.out, list);
                return 0;
            }
            Table t = new Table("ID", "MENTEE", "MENTOR", "STATE", "SENT", "MESSAGE");
            list.forEach(m -> t.row(
                    Fmt.id(m.getName()),
                    Fmt.id(m.getMentee()),
                    Fmt.id(m.getMentor()),
                    Fmt.en(m.getState(), "MENTORSHIP_STATE_"),
                    Fmt.time(m.getCreateTime()),
                    m.getMessage()));
            t.print(cli);
            Pages.hint(cli, list.size(), listed);
            return 0;
        }
    }

    abstract static class Respond extends ClientCommand {
        @Parameters(
                paramLabel = "HANDLE|ID",
                description =
                        "who invited you (their handle), or the invitation's id " + "(see 'ascent mentor invitations')")
        String who;

        Respond(Cli cli) {
            super(cli);
        }

        abstract boolean accept();

        @Override
        int run(AscentClient client) {
            Mentorship m = client.mentorship()
                    .respondToInvitation(RespondToInvitationRequest.newBuilder()
                            .setName(pending(client, who))
                            .setAccept(accept())
                            .build())
                    .getMentorship();
            if (json) {
                Json.print(cli.out, m);
            } else {
                print(cli, m);
            }
            return 0;
        }
    }

    /** The pending invitation {@code who} sent the caller: by the mentee's handle, or the invitation's id. */
    static String pending(AscentClient client, String who) {
        if (who.startsWith("mentorships/") || who.matches("\\d{1,19}")) {
            return mentorship(who);
        }
        String handle = who.replaceFirst("^users/", "");
        for (Mentorship m : client.mentorship()
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                        .setState(MentorshipState.MENTORSHIP_STATE_PENDING)
                        .setPageSize(100)
                        .build())
                .getMentorshipsList()) {
            if (m.getMentee().equals("users/" + handle)) {
                return m.getName();
            }
        }
        throw new CliException(
                ExitCodes.NOT_FOUND,
                "no pending invitation from " + handle + " ('ascent mentor invitations' lists them)");
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts an invitation to mentor.")
    static final class Accept extends Respond {
        Accept(Cli cli) {
            super(cli);
        }

        @Override
        boolean accept() {
            return true;
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = "Declines an invitation to mentor.")
    static final class Decline extends Respond {
        Decline(Cli cli) {
            super(cli);
        }

        @Override
        boolean accept() {
            return false;
        }
    }

    @Command(
            name = "mentees",
            mixinStandardHelpOptions = true,
            description = {
                "Every mentee's progress, one row each: plans not archived, percent done and pace (as",
                "'ascent progress' computes them), minutes in the current plan week, reviews waiting for you."
            })
    static final class Mentees extends ClientCommand {
        @Option(names = "--limit", paramLabel = "N", description = "at most this many (default: 100)")
        int limit = Pages.DEFAULT_LIMIT;

        Mentees(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            Pages.Listing<MenteeSummary> listed = mentees(client, Pages.limit(limit));
            List<MenteeSummary> list = listed.rows();
            if (json) {
                Json.printList(cli.out, list);
                return 0;
            }
            Table t = new Table("MENTEE", "NAME", "PLANS", "DONE", "PACE", "THIS WEEK", "TO REVIEW", "LAST ACTIVE");
            list.forEach(m -> t.row(
                    Fmt.id(m.getMentee()),
                    m.getDisplayName(),
                    m.getPlanCount(),
                    Fmt.percent(m.getPercentComplete()),
                    Fmt.en(m.getPace(), "PACE_"),
                    Fmt.minutes(m.getMinutesThisWeek()),
                    m.getAwaitingReviewCount(),
                    Fmt.time(m.getLastActivityTime())));
            t.print(cli);
            Pages.hint(cli, list.size(), listed);
            return 0;
        }
    }

    /** The caller's mentees, up to {@code max}. */
    static Pages.Listing<MenteeSummary> mentees(AscentClient client, int max) {
        return Pages.upTo(
                token -> client.mentorship()
                        .listMentees(ListMenteesRequest.newBuilder()
                                .setPageSize(Math.min(100, max))
                                .setPageToken(token)
                                .build()),
                r -> r.getMenteesList(),
                r -> r.getNextPageToken(),
                r -> r.getTotalSize(),
                max);
    }
}
