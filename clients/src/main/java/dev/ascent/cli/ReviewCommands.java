package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent review request|queue|approve|request-changes}. */
@Command(name = "review", mixinStandardHelpOptions = true, description = "Ask for and give mentor reviews.",
        subcommands = {ReviewCommands.Ask.class, ReviewCommands.Queue.class, ReviewCommands.Approve.class,
                ReviewCommands.RequestChanges.class})
final class ReviewCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: request, queue, approve or request-changes");
    }

    static void print(Cli cli, ReviewRequest r) {
        cli.out.printf("review %s: %s by %s for %s, %s%n", Fmt.id(r.getName()), r.getTargetTitle(),
                Fmt.id(r.getMentee()), Fmt.id(r.getMentor()), Fmt.en(r.getState(), "REVIEW_REQUEST_STATE_"));
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Asks your mentor to review a plan item (or a practice session).")
    static final class Ask extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ItemCommands.ITEM_HELP
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
            String name = target.startsWith("practiceSessions/") ? "users/" + me(client) + "/" + target
                    : target.contains("/practiceSessions/") ? target : refs(client).item(target, plan);
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
            ReviewRequest r = client.reviews().requestReview(request.build()).getReviewRequest();
            if (json) {
                Json.print(cli.out, r);
            } else {
                print(cli, r);
            }
            return 0;
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true, description = "Open review requests to you, oldest first.")
    static final class Queue extends ClientCommand {
        @Option(names = "--mentee", paramLabel = "HANDLE", description = "only this mentee's requests")
        String mentee;

        Queue(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = ListReviewRequestsRequest.newBuilder().setPageSize(100);
            if (mentee != null) {
                request.setMentee("users/" + mentee);
            }
            List<ReviewRequest> list = client.reviews().listReviewRequests(request.build()).getReviewRequestsList();
            if (json) {
                Json.printList(cli.out, list);
                return 0;
            }
            Table t = new Table("ID", "MENTEE", "ASKED", "WHAT", "NOTE");
            list.forEach(r -> t.row(Fmt.id(r.getName()), Fmt.id(r.getMentee()), Fmt.time(r.getCreateTime()),
                    r.getTargetTitle(), r.getNote()));
            t.print(cli);
            return 0;
        }
    }

    abstract static class Decide extends ClientCommand {
        @Parameters(paramLabel = "ID", description = "the review request's id (see 'ascent review queue')")
        String id;
        @Option(names = "--comment", description = "your comment to the mentee")
        String comment;

        Decide(Cli cli) {
            super(cli);
        }

        abstract ReviewDecision decision();

        @Override
        int run(AscentClient client) {
            var request = SubmitReviewRequest.newBuilder()
                    .setName(id.startsWith("reviewRequests/") ? id : "reviewRequests/" + id).setDecision(decision());
            if (comment != null) {
                request.setComment(comment);
            }
            ReviewRequest r = client.reviews().submitReview(request.build()).getReviewRequest();
            if (json) {
                Json.print(cli.out, r);
            } else {
                print(cli, r);
            }
            return 0;
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

    @Command(name = "request-changes", mixinStandardHelpOptions = true,
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
}
