package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.ListTimeEntriesRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.TimeEntry;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ascent item show} and {@code ascent comments}: everything about one item, nothing cut. */
final class ItemDetail {

    /** Time entries shown before the rest is summed up in one line. */
    static final int MAX_ENTRIES = 200;

    private ItemDetail() {}

    static String planOf(String itemName) {
        return itemName.substring(0, itemName.indexOf("/items/"));
    }

    static List<Comment> comments(AscentClient client, String item) {
        return Pages.all(
                token -> client.reviews()
                        .listComments(ListCommentsRequest.newBuilder()
                                .setParent(item)
                                .setPageSize(100)
                                .setPageToken(token)
                                .build()),
                r -> r.getCommentsList(),
                r -> r.getNextPageToken(),
                Integer.MAX_VALUE);
    }

    static void printComments(Cli cli, List<Comment> comments) {
        for (Comment c : comments) {
            cli.out.printf(
                    "  %s  %s%s:%n",
                    Fmt.time(c.getCreateTime()),
                    Fmt.id(c.getAuthor()),
                    c.getReviewRequest().isEmpty() ? "" : " (review: changes requested)");
            c.getBody().lines().forEach(l -> cli.out.println("    " + l));
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Everything about one item: status and review, schedule, description, your notes, the",
                "catalog text it came from, every time entry with its note, and the comment thread."
            })
    static final class Show extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ItemCommands.ITEM_HELP)
        String item;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).item(item, plan);
            Plan p = client.plans()
                    .getPlan(GetPlanRequest.newBuilder().setName(planOf(name)).build())
                    .getPlan();
            int position = Refs.position(p, name);
            if (position == 0) {
                throw new CliException(ExitCodes.NOT_FOUND, "not found: " + name);
            }
            PlanItem i = p.getItems(position - 1);
            List<TimeEntry> entries = Pages.all(
                    token -> client.plans()
                            .listTimeEntries(ListTimeEntriesRequest.newBuilder()
                                    .setParent(name)
                                    .setPageSize(100)
                                    .setPageToken(token)
                                    .build()),
                    r -> r.getTimeEntriesList(),
                    r -> r.getNextPageToken(),
                    MAX_ENTRIES);
            List<Comment> comments = comments(client, name);
            ReviewRequest approval = i.getVerified() ? approval(client, p, name) : null;
            if (json) {
                Map<String, Object> all = new java.util.LinkedHashMap<>();
                all.put("planItem", i);
                all.put("timeEntries", entries);
                all.put("comments", comments);
                Json.printObject(cli.out, all);
                return 0;
            }
            var out = cli.out;
            out.printf("#%d %s%n", position, i.getTitle());
            out.printf("  item %s of plan %s (%s)%n", Fmt.id(name), Fmt.id(p.getName()), p.getTitle());
            out.printf("  status:    %s%n", PlanPrinter.status(i));
            if (i.getVerified()) {
                out.printf(
                        "  verified:  by %s%s%n",
                        Fmt.id(i.getVerifiedBy()),
                        approval == null || approval.getDecisionComment().isEmpty()
                                ? ""
                                : ": \"" + approval.getDecisionComment() + "\"");
            }
            out.printf(
                    "  schedule:  week %d, due %s%s; estimate %s, logged %s%n",
                    i.getWeek(),
                    i.getDueDate(),
                    i.getDueDatePinned() ? " (set by you)" : "",
                    Fmt.minutes(i.getEstimatedMinutes()),
                    Fmt.minutes(i.getLoggedMinutes()));
            out.printf(
                    "  kind:      %s%s%n",
                    Fmt.en(i.getKind(), "PLAN_ITEM_KIND_"),
                    i.getPracticeSessionCount() > 0
                            ? "; " + i.getPracticeSessionCount() + " practice session(s): ascent practice list --item "
                                    + position
                            : "");
            block("description", i.getDescription());
            block(i.getNotesPrivate() ? "notes (private)" : "notes", i.getNotes());
            if (i.hasSource()
                    && !i.getSource().getText().isEmpty()
                    && !i.getSource().getText().equals(i.getTitle())) {
                String from = i.getSource().getContent()
                        + (i.getSource().getSourceName().isEmpty()
                                ? ""
                                : ", " + i.getSource().getSourceName()
                                        + (i.getSource().getLine() > 0
                                                ? " line " + i.getSource().getLine()
                                                : ""));
                block("from the catalog (" + from + ")", i.getSource().getText());
            } else if (i.hasSource() && !i.getSource().getContent().isEmpty()) {
                out.printf("  source:    %s%n", i.getSource().getContent());
            }
            out.println();
            out.printf("time logged (%d %s):%n", entries.size(), entries.size() == 1 ? "entry" : "entries");
            for (TimeEntry e : entries) {
                out.printf("  %s  %6s  %s%n", e.getDay(), Fmt.minutes(e.getMinutes()), e.getNote());
            }
            if (entries.size() >= MAX_ENTRIES) {
                out.printf("  (the newest %d entries; %s in all)%n", entries.size(), Fmt.minutes(i.getLoggedMinutes()));
            }
            out.println();
            out.printf("comments (%d):%n", comments.size());
            printComments(cli, comments);
            if (comments.isEmpty()) {
                out.println("  none; add one with: ascent comments " + item + " --add TEXT");
            }
            out.flush();
            return 0;
        }

        private void block(String heading, String text) {
            if (text.isBlank()) {
                return;
            }
            cli.out.printf("  %s:%n", heading);
            text.lines().forEach(l -> cli.out.println("    " + l));
        }

        /** The approval that verified the item, for its comment. */
        private static ReviewRequest approval(AscentClient client, Plan plan, String item) {
            String owner = plan.getName().substring(0, plan.getName().indexOf("/plans/"));
            return requests(client, owner, ReviewRequestState.REVIEW_REQUEST_STATE_APPROVED).stream()
                    .filter(r -> r.getTarget().equals(item))
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
    }

    /** The owner's review requests in one state (as their mentee, or to the caller as mentor), oldest first. */
    static List<ReviewRequest> requests(AscentClient client, String owner, ReviewRequestState state) {
        return Pages.all(
                token -> client.reviews()
                        .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                                .setMentee(owner)
                                .setState(state)
                                .setPageSize(100)
                                .setPageToken(token)
                                .build()),
                r -> r.getReviewRequestsList(),
                r -> r.getNextPageToken(),
                Integer.MAX_VALUE);
    }

    @Command(
            name = "comments",
            mixinStandardHelpOptions = true,
            description = {
                "An item's comment thread, oldest first (a mentor's review comments included);",
                "--add posts one. You and your active mentors can comment."
            })
    static final class Comments extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ItemCommands.ITEM_HELP)
        String item;

        @Option(names = "--add", paramLabel = "TEXT", description = "post a comment (1 to 4000 characters)")
        String add;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Comments(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).item(item, plan);
            if (add != null) {
                Comment c = client.reviews()
                        .addComment(AddCommentRequest.newBuilder()
                                .setParent(name)
                                .setBody(add)
                                .build())
                        .getComment();
                if (json) {
                    Json.print(cli.out, c);
                    return 0;
                }
                cli.out.println("comment added");
            }
            List<Comment> comments = comments(client, name);
            if (json) {
                Json.printList(cli.out, comments);
                return 0;
            }
            printComments(cli, comments);
            if (comments.isEmpty()) {
                cli.out.println("no comments yet; add one with: ascent comments " + item + " --add TEXT");
            }
            cli.out.flush();
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return Map.of("body", "--add");
        }
    }
}
