package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.client.FailedPreconditionException;
import dev.ascent.proto.tracker.v1.CancelReviewRequestRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.MentorshipState;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent review request|queue|approve|request-changes|cancel}. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "Ask for and give mentor reviews.",
        subcommands = {
            ReviewCommands.Ask.class,
            ReviewCommands.Queue.class,
            ReviewCommands.Approve.class,
            ReviewCommands.RequestChanges.class,
            ReviewCommands.Cancel.class
        })
final class ReviewCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a subcommand: request, queue, approve, request-changes or cancel");
    }

    static void print(Cli cli, ReviewRequest r) {
        cli.out.printf(
                "review %s: %s by %s for %s, %s%s%n",
                Fmt.id(r.getName()),
                r.getTargetTitle(),
                Fmt.id(r.getMentee()),
                Fmt.id(r.getMentor()),
                Fmt.en(r.getState(), "REVIEW_REQUEST_STATE_"),
                r.getDecisionComment().isEmpty() ? "" : ": \"" + r.getDecisionComment() + "\"");
        cli.out.flush();
    }

    /** The caller's open review queue, oldest first, up to {@code max} requests. */
    static Pages.Listing<ReviewRequest> queue(AscentClient client, String mentee, int max) {
        var request = ListReviewRequestsRequest.newBuilder().setPageSize(Math.min(100, max));
        if (mentee != null) {
            request.setMentee("users/" + mentee);
        }
        return Pages.upTo(
                token -> client.reviews()
                        .listReviewRequests(request.setPageToken(token).build()),
                r -> r.getReviewRequestsList(),
                r -> r.getNextPageToken(),
                r -> r.getTotalSize(),
                max);
    }

    /** A request by its # in the caller's queue (as 'review queue' numbers it), its id, or its name. */
    static String request(AscentClient client, String ref) {
        if (ref.startsWith("reviewRequests/")) {
            return ref;
        }
        String digits = Refs.digits(ref.replaceFirst("^#", ""), "review request");
        long n = Long.parseLong(digits);
        if (n >= Refs.MAX_POSITION) {
            return "reviewRequests/" + digits;
        }
        List<ReviewRequest> queue =
                queue(client, null, Math.max((int) n, Pages.DEFAULT_LIMIT)).rows();
        if (n < 1 || n > queue.size()) {
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "your review queue has no #" + n + " (it has " + queue.size() + "; see 'ascent review queue')");
        }
        return queue.get((int) n - 1).getName();
    }

    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = {
                "Asks your mentor to review a plan item or a completed practice session.",
                "Your mentor must have accepted your invitation ('ascent mentor wait <handle>' waits for it)."
            })
    static final class Ask extends ClientCommand {
        @Parameters(
                paramLabel = "ITEM",
                description = ItemCommands.ITEM_HELP
                        + ", or a completed practice session: practiceSessions/<id> (the id 'practice start' prints)")
        String target;

        @Option(names = "--mentor", paramLabel = "HANDLE", description = "needed only when you have several mentors")
        String mentor;

        @Option(names = "--note", description = "a note to the mentor")
        String note;

        @Option(names = "--link", paramLabel = "URL", description = "evidence link (repeatable)")
        List<String> links;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Ask(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = target.startsWith("practiceSessions/")
                    ? "users/" + me(client) + "/" + target
                    : target.contains("/practiceSessions/")
                            ? target
                            : refs(client).item(target, plan);
            var request = RequestReviewRequest.newBuilder().setTarget(name);
            if (mentor != null) {
                request.setMentor("users/" + mentor);
            }
            if (note != null) {
                request.setNote(note);
            }
            if (links != null) {
                request.addAllEvidenceLinks(links);
            }
            ReviewRequest r;
            try {
                r = client.reviews().requestReview(request.build()).getReviewRequest();
            } catch (FailedPreconditionException e) {
                throw pendingHint(client, e);
            }
            if (json) {
                Json.print(cli.out, r);
            } else {
                print(cli, r);
            }
            return 0;
        }

        /** "No active mentor" while an invitation waits: say whose answer is missing and how to wait for it. */
        private RuntimeException pendingHint(AscentClient client, FailedPreconditionException e) {
            var pending = client.mentorship()
                    .listInvitations(dev.ascent.proto.tracker.v1.ListInvitationsRequest.newBuilder()
                            .setDirection(dev.ascent.proto.tracker.v1.InvitationDirection.INVITATION_DIRECTION_SENT)
                            .setState(MentorshipState.MENTORSHIP_STATE_PENDING)
                            .setPageSize(10)
                            .build())
                    .getMentorshipsList();
            if (!e.description().contains("no ACTIVE mentor") || pending.isEmpty()) {
                return e;
            }
            String who = Fmt.id(pending.get(0).getMentor());
            return new CliException(
                    ExitCodes.FAILED,
                    "you have no active mentor yet: your invitation to " + who
                            + " is waiting for their answer ('ascent mentor accept " + me(client) + "', as " + who
                            + "); 'ascent mentor wait " + who + "' returns once they accept");
        }

        @Override
        Map<String, String> flags() {
            return Map.of("target", "ITEM");
        }
    }

    @Command(
            name = "queue",
            mixinStandardHelpOptions = true,
            description = "Open review requests to you, oldest first; approve and request-changes take their #.")
    static final class Queue extends ClientCommand {
        @Option(names = "--mentee", paramLabel = "HANDLE", description = "only this mentee's requests")
        String mentee;

        @Option(names = "--limit", paramLabel = "N", description = "at most this many (default: 100)")
        int limit = Pages.DEFAULT_LIMIT;

        Queue(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            Pages.Listing<ReviewRequest> listed = queue(client, mentee, Pages.limit(limit));
            List<ReviewRequest> list = listed.rows();
            if (json) {
                Json.printList(cli.out, list);
                return 0;
            }
            Table t = new Table("#", "ID", "MENTEE", "ASKED", "WHAT", "NOTE", "LINKS");
            for (int i = 0; i < list.size(); i++) {
                ReviewRequest r = list.get(i);
                t.row(
                        mentee == null ? i + 1 : "",
                        Fmt.id(r.getName()),
                        Fmt.id(r.getMentee()),
                        Fmt.time(r.getCreateTime()),
                        r.getTargetTitle(),
                        r.getNote(),
                        String.join(" ", r.getEvidenceLinksList()));
            }
            t.print(cli);
            Pages.hint(cli, list.size(), listed);
            return 0;
        }
    }

    abstract static class Decide extends ClientCommand {
        @Parameters(paramLabel = "REQUEST", description = "its # in 'ascent review queue', or its id")
        String id;

        @Option(names = "--comment", description = "your comment to the mentee")
        String comment;

        @Option(
                names = "--score",
                paramLabel = "STEP=N",
                description = "practice sessions: score a step 1 to 5, "
                        + "e.g. --score 2=4 (repeatable; steps as 'ascent practice show' numbers them)")
        Map<Integer, Integer> scores = new LinkedHashMap<>();

        Decide(Cli cli) {
            super(cli);
        }

        abstract ReviewDecision decision();

        @Override
        int run(AscentClient client) {
            String name = request(client, id);
            var request = SubmitReviewRequest.newBuilder().setName(name).setDecision(decision());
            if (comment != null) {
                request.setComment(comment);
            }
            if (!scores.isEmpty()) {
                ReviewRequest r = client.reviews()
                        .getReviewRequest(dev.ascent.proto.tracker.v1.GetReviewRequestRequest.newBuilder()
                                .setName(name)
                                .build())
                        .getReviewRequest();
                if (!r.getTarget().contains("/practiceSessions/")) {
                    throw new CliException(
                            ExitCodes.USAGE, "--score is for practice sessions; this review is of a " + "plan item");
                }
                PracticeSession s = client.practice()
                        .getPracticeSession(GetPracticeSessionRequest.newBuilder()
                                .setName(r.getTarget())
                                .build())
                        .getPracticeSession();
                scores.forEach((step, score) -> {
                    if (step < 1 || step > s.getStepsCount()) {
                        throw new CliException(
                                ExitCodes.USAGE,
                                "--score: no step " + step + "; the session has " + "steps 1 to " + s.getStepsCount());
                    }
                    request.addStepScores(StepScore.newBuilder()
                            .setStep(s.getSteps(step - 1).getName())
                            .setScore(score));
                });
            }
            ReviewRequest r = client.reviews().submitReview(request.build()).getReviewRequest();
            if (json) {
                Json.print(cli.out, r);
            } else {
                print(cli, r);
            }
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return Map.of("step_scores[].score", "--score", "name", "REQUEST");
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approves: the item counts as verified.")
    static final class Approve extends Decide {
        Approve(Cli cli) {
            super(cli);
        }

        @Override
        ReviewDecision decision() {
            return ReviewDecision.REVIEW_DECISION_APPROVED;
        }
    }

    @Command(
            name = "request-changes",
            mixinStandardHelpOptions = true,
            description = "Sends the item back to in progress with your comment (--comment is required).")
    static final class RequestChanges extends Decide {
        RequestChanges(Cli cli) {
            super(cli);
        }

        @Override
        ReviewDecision decision() {
            if (comment == null || comment.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "request-changes needs --comment");
            }
            return ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED;
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description =
                    "Withdraws a review you asked for: by the item (as 'review request' takes it) or the request id.")
    static final class Cancel extends ClientCommand {
        @Parameters(paramLabel = "ITEM|ID", description = "the item under review, or the review request's id")
        String which;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Cancel(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = which.startsWith("reviewRequests/") ? which : open(client);
            ReviewRequest r = client.reviews()
                    .cancelReviewRequest(CancelReviewRequestRequest.newBuilder()
                            .setName(name)
                            .build())
                    .getReviewRequest();
            if (json) {
                Json.print(cli.out, r);
            } else {
                print(cli, r);
            }
            return 0;
        }

        /** {@code which} as the id of one of the caller's open requests, else the open request on that item. */
        private String open(AscentClient client) {
            List<ReviewRequest> mine =
                    ItemDetail.requests(client, "users/" + me(client), ReviewRequestState.REVIEW_REQUEST_STATE_OPEN);
            if (mine.stream().anyMatch(r -> r.getName().equals("reviewRequests/" + which))) {
                return "reviewRequests/" + which;
            }
            String target = which.startsWith("practiceSessions/")
                    ? "users/" + me(client) + "/" + which
                    : refs(client).item(which, plan);
            return mine.stream()
                    .filter(r -> r.getTarget().equals(target))
                    .findFirst()
                    .map(ReviewRequest::getName)
                    .orElseThrow(
                            () -> new CliException(ExitCodes.NOT_FOUND, "no open review request of yours on " + which));
        }
    }
}
