package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.client.AscentException;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.ItemRef;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListActivityResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ascent progress}, {@code ascent activity} and {@code ascent watch}. */
final class ProgressCommands {

    private ProgressCommands() {}

    @Command(
            name = "progress",
            mixinStandardHelpOptions = true,
            description = "Where you stand on a plan: done, pace, streak, what is due next.")
    static final class Progress extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        Progress(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).plan(plan);
            ProgressSummary s = client.progress()
                    .getProgressSummary(
                            GetProgressSummaryRequest.newBuilder().setPlan(name).build())
                    .getProgressSummary();
            if (json) {
                Json.print(cli.out, s);
            } else {
                print(
                        s,
                        client.plans()
                                .getPlan(GetPlanRequest.newBuilder()
                                        .setName(name)
                                        .build())
                                .getPlan());
            }
            return 0;
        }

        private void print(ProgressSummary s, Plan plan) {
            var out = cli.out;
            out.printf("plan %s, as of %s%n", s.getPlan(), s.getToday());
            out.printf(
                    "%s %s done (%s verified); expected by today %s%n",
                    Fmt.bar(s.getPercentComplete(), 30),
                    Fmt.percent(s.getPercentComplete()),
                    Fmt.percent(s.getPercentVerified()),
                    Fmt.percent(s.getExpectedPercentToday()));
            out.printf("pace:    %s%n", verdict(s));
            out.printf(
                    "items:   %d done (%d verified), %d in progress, %d to do, %d skipped; %d in all%s%n",
                    s.getDoneCount(),
                    s.getVerifiedCount(),
                    s.getInProgressCount(),
                    s.getTodoCount(),
                    s.getSkippedCount(),
                    s.getTotalCount(),
                    s.getAwaitingReviewCount() > 0 ? "; " + s.getAwaitingReviewCount() + " awaiting review" : "");
            out.printf(
                    "time:    %s logged, %s this week%n",
                    Fmt.minutes(s.getLoggedMinutesTotal()), Fmt.minutes(s.getMinutesThisWeek()));
            out.printf(
                    "streak:  %d day%s (longest %d)%n",
                    s.getCurrentStreakDays(), s.getCurrentStreakDays() == 1 ? "" : "s", s.getLongestStreakDays());
            if (!s.getProjectedFinishDate().isEmpty()) {
                out.printf("finish:  %s at your pace so far%n", s.getProjectedFinishDate());
            } else if (!s.getProjectionNote().isEmpty()) {
                out.printf("finish:  %s%n", s.getProjectionNote());
            }
            if (s.getRecallDueCount() > 0) {
                out.printf(
                        "recall:  %d card%s due (ascent recall)%n",
                        s.getRecallDueCount(), s.getRecallDueCount() == 1 ? "" : "s");
            }
            items("overdue", s.getOverdueItemsList(), plan);
            items("due next", s.getNextDueItemsList(), plan);
            out.flush();
        }

        /** Each with its {@code #} in the plan, the number 'item' and 'log' take. */
        private void items(String heading, List<ItemRef> refs, Plan plan) {
            if (refs.isEmpty()) {
                return;
            }
            cli.out.println(heading + ":");
            refs.forEach(r ->
                    cli.out.printf("  #%-3d %s  %s%n", Refs.position(plan, r.getName()), r.getDueDate(), r.getTitle()));
        }

        private static String verdict(ProgressSummary s) {
            return switch (s.getPace()) {
                case PACE_AHEAD -> "ahead of schedule";
                case PACE_ON_TRACK -> "on track";
                case PACE_BEHIND -> "behind schedule";
                default -> "-";
            };
        }
    }

    static String eventLine(ActivityEvent e) {
        return String.format("%s  %-8s %s", Fmt.time(e.getCreateTime()), Fmt.id(e.getActor()), e.getSummary());
    }

    @Command(
            name = "activity",
            mixinStandardHelpOptions = true,
            description = {
                "A plan's history, newest first: who did what, the change (old -> new status), the item.",
                "Shows --limit events (default 20) and says how to see more: --all, or --page-token TOKEN."
            })
    static final class Activity extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        @Option(names = "--limit", description = "at most this many events (default: 20)")
        int limit = 20;

        @Option(names = "--all", description = "every event, however many")
        boolean all;

        @Option(names = "--page-token", paramLabel = "TOKEN", description = "continue where a previous listing stopped")
        String pageToken = "";

        Activity(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (limit < 1) {
                throw new CliException(ExitCodes.USAGE, "--limit must be at least 1");
            }
            String name = refs(client).plan(plan);
            Plan p = client.plans()
                    .getPlan(GetPlanRequest.newBuilder().setName(name).build())
                    .getPlan();
            List<ActivityEvent> events = new ArrayList<>();
            String token = pageToken;
            int total = 0;
            do {
                int want = all ? 100 : Math.min(100, limit - events.size());
                ListActivityResponse page = client.progress()
                        .listActivity(ListActivityRequest.newBuilder()
                                .setParent(name)
                                .setPageSize(want)
                                .setPageToken(token)
                                .build());
                events.addAll(page.getActivityEventsList());
                token = page.getNextPageToken();
                total = page.getTotalSize();
            } while (!token.isEmpty() && (all || events.size() < limit));
            if (json) {
                Json.printList(cli.out, events);
                return 0;
            }
            Table t = new Table("WHEN", "WHO", "WHAT", "CHANGE", "ITEM");
            events.forEach(e -> t.row(
                    Fmt.time(e.getCreateTime()),
                    Fmt.id(e.getActor()),
                    e.getSummary(),
                    change(e),
                    e.getItem().isEmpty() ? "" : itemRef(p, e.getItem())));
            t.print(cli);
            if (!token.isEmpty()) {
                Pages.hint(cli, events.size(), total, "--all, or --page-token " + token + " for the next ones");
            }
            return 0;
        }

        private static String change(ActivityEvent e) {
            if (e.getOldStatus() != PlanItemStatus.PLAN_ITEM_STATUS_UNSPECIFIED
                    || e.getNewStatus() != PlanItemStatus.PLAN_ITEM_STATUS_UNSPECIFIED) {
                return Fmt.en(e.getOldStatus(), "PLAN_ITEM_STATUS_") + " -> "
                        + Fmt.en(e.getNewStatus(), "PLAN_ITEM_STATUS_");
            }
            if (e.getMinutes() > 0) {
                return "+" + Fmt.minutes(e.getMinutes()) + " on " + e.getDay();
            }
            return "";
        }

        /** {@code #3}, or the id of an item no longer in the plan. */
        private static String itemRef(Plan p, String item) {
            int n = Refs.position(p, item);
            return n > 0 ? "#" + n : Fmt.id(item) + " (removed)";
        }
    }

    @Command(
            name = "watch",
            mixinStandardHelpOptions = true,
            description = {
                "Follows the live activity of your plans and your mentees' until Ctrl-C (or --count",
                "events, or --timeout seconds). Reconnects by itself after a tracker restart without losing",
                "or repeating events; when the tracker stays away longer than --reconnect seconds it stops and",
                "prints the last sequence, and --after SEQUENCE resumes from there.",
                "With --json it prints one event per line (JSON Lines)."
            })
    static final class Watch extends ClientCommand {
        @Option(names = "--user", paramLabel = "HANDLE", description = "only this user's events (you or a mentee)")
        String user;

        @Option(names = "--plan", paramLabel = "PLAN", description = "only this plan's events (id or name)")
        String plan;

        @Option(names = "--after", paramLabel = "SEQUENCE", description = "resume after this sequence or cursor")
        long after;

        @Option(names = "--count", description = "stop after this many events (default: run until Ctrl-C)")
        int count;

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                description = "stop after this many seconds, with exit 0 (default: run until Ctrl-C)")
        int timeoutSeconds;

        @Option(
                names = "--reconnect",
                paramLabel = "SECONDS",
                description = "how long to keep reconnecting when the stream breaks (default: 60)")
        int reconnectSeconds = 60;

        Watch(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (count < 0 || timeoutSeconds < 0 || after < 0 || reconnectSeconds < 0) {
                throw new CliException(
                        ExitCodes.USAGE, "--count, --timeout, --after and --reconnect must not be negative");
            }
            var request = WatchActivityRequest.newBuilder().setAfterSequence(after);
            long until = 0;
            if (timeoutSeconds > 0) {
                // Heartbeats every second wake the listener up so the timeout is noticed on a quiet stream.
                request.setHeartbeatSeconds(1);
                until = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            }
            if (user != null) {
                request.setOwner("users/" + user);
            }
            if (plan != null) {
                request.setPlan(refs(client).plan(plan));
            }
            int[] seen = {0};
            long[] cursor = {after};
            long deadline = until;
            try {
                client.activity()
                        .follow(
                                request.build(),
                                r -> {
                                    cursor[0] = r.hasEvent()
                                            ? r.getEvent().getSequence()
                                            : Math.max(
                                                    cursor[0], r.getHeartbeat().getCursor());
                                    if (!r.hasEvent()) {
                                        return deadline == 0 || System.nanoTime() < deadline;
                                    }
                                    if (json) {
                                        cli.out.println(Json.compact(r.getEvent()));
                                    } else {
                                        cli.out.println(eventLine(r.getEvent()));
                                    }
                                    cli.out.flush();
                                    return (count == 0 || ++seen[0] < count)
                                            && (deadline == 0 || System.nanoTime() < deadline);
                                },
                                Duration.ofSeconds(reconnectSeconds));
            } catch (AscentException e) {
                // Everything up to the cursor was printed (or filtered out): resuming from it loses and repeats
                // nothing.
                cli.err.println(
                        cursor[0] > 0
                                ? "ascent: watch stopped after sequence " + cursor[0] + "; resume with: "
                                        + resumeCommand(cursor[0])
                                : "ascent: watch stopped before the stream reported any position");
                throw e;
            }
            return 0;
        }

        private String resumeCommand(long sequence) {
            StringBuilder command = new StringBuilder("ascent watch --after ").append(sequence);
            if (user != null) {
                command.append(" --user ").append(user);
            }
            if (plan != null) {
                command.append(" --plan ").append(plan);
            }
            return command.toString();
        }
    }
}
