package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent practice start|stats} and the session commands of {@link PracticeSessions}. */
@Command(
        name = "practice",
        mixinStandardHelpOptions = true,
        description = "Time-boxed system-design practice.",
        subcommands = {
            PracticeCommands.Start.class,
            PracticeSessions.ListSessions.class,
            PracticeSessions.Show.class,
            PracticeSessions.Resume.class,
            PracticeSessions.Finish.class,
            PracticeSessions.Abandon.class,
            PracticeSessions.Notes.class,
            PracticeCommands.Stats.class
        })
final class PracticeCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a subcommand: start, list, show, resume, finish, abandon, notes or stats");
    }

    static String source(String ref) {
        return ref.startsWith("designPrompts/") || ref.startsWith("checklists/") ? ref : "designPrompts/" + ref;
    }

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = {
                "Starts a practice session on a design prompt (see 'ascent prompts') or checklist.",
                "At a terminal it runs an interactive checklist with a countdown; with --check, --notes,",
                "--rating or --complete (or without a terminal) it runs non-interactively for scripts, and",
                "--interactive runs the checklist on commands read from standard input (a pipe, a file)."
            })
    static final class Start extends ClientCommand {
        @Parameters(paramLabel = "PROMPT", description = "prompt slug, designPrompts/<slug> or checklists/<id>")
        String prompt;

        @Option(names = "--minutes", description = "time box, 5 to 480 (default: 45)")
        int minutes;

        @Option(
                names = "--item",
                paramLabel = "ITEM",
                description = "plan item this session practices (" + "# in the current plan, id or name)")
        String item;

        @Option(names = "--check", split = ",", paramLabel = "N", description = "step numbers covered, e.g. 1,3,4")
        List<Integer> check;

        @Option(names = "--notes", description = "overall notes")
        String notes;

        @Option(names = "--complete", description = "complete the session (needs --rating)")
        boolean complete;

        @Option(names = "--rating", paramLabel = "1-5", description = "self-rating; completes the session")
        Integer rating;

        @Option(
                names = {"-i", "--interactive"},
                description = "the interactive checklist even when standard input is not a terminal")
        boolean interactive;

        @Option(names = "--mark-done", description = "also mark the linked plan item done")
        boolean markDone;

        Start(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (complete && rating == null) {
                throw new CliException(ExitCodes.USAGE, "--complete needs --rating 1-5");
            }
            if (rating != null && (rating < 1 || rating > 5)) {
                throw new CliException(ExitCodes.USAGE, "--rating must be 1 to 5");
            }
            if (markDone && item == null) {
                throw new CliException(ExitCodes.USAGE, "--mark-done needs --item (the plan item to mark done)");
            }
            if (check != null && check.stream().anyMatch(n -> n < 1)) {
                throw new CliException(ExitCodes.USAGE, "--check takes step numbers from 1");
            }
            boolean scripted = check != null || rating != null || complete || notes != null || json;
            if (interactive && scripted) {
                throw new CliException(
                        ExitCodes.USAGE,
                        "--interactive cannot be combined with --check, --notes, --rating, --complete or --json");
            }
            var request = StartPracticeSessionRequest.newBuilder()
                    .setSource(source(prompt))
                    .setTimeBoxMinutes(minutes);
            if (item != null) {
                request.setPlanItem(refs(client).item(item, null));
            }
            PracticeSession session =
                    client.practice().startPracticeSession(request.build()).getPracticeSession();
            if ((cli.interactive || interactive) && !scripted) {
                new PracticeSessionRunner(cli, client).run(session, markDone);
                return 0;
            }
            session = scripted(client, session);
            if (json) {
                Json.print(cli.out, session);
            } else {
                cli.out.println(PracticeSessions.summary(session));
                cli.out.println(
                        session.getSelfRating() > 0
                                ? PracticeSessions.reviewHint(session)
                                : "it stays open: 'ascent practice resume " + Fmt.id(session.getName())
                                        + "', 'practice finish "
                                        + Fmt.id(session.getName()) + " --rating N' or 'practice abandon "
                                        + Fmt.id(session.getName())
                                        + "'");
                cli.out.flush();
            }
            return 0;
        }

        private PracticeSession scripted(AscentClient client, PracticeSession session) {
            if (check != null || notes != null) {
                session = PracticeSessions.update(client, session, check == null ? List.of() : check, notes);
            }
            if (rating != null) {
                session = client.practice()
                        .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                                .setName(session.getName())
                                .setEtag(session.getEtag())
                                .setSelfRating(rating)
                                .setMarkItemDone(markDone)
                                .build())
                        .getPracticeSession();
            }
            return session;
        }
    }

    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = "Attempts, coverage and rating per prompt, and the design phases you miss most.")
    static final class Stats extends ClientCommand {
        @Option(names = "--user", paramLabel = "HANDLE", description = "a mentee's stats (default: yours)")
        String user;

        @Option(names = "--prompt", paramLabel = "PROMPT", description = "only this prompt or checklist")
        String prompt;

        Stats(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = GetPracticeStatsRequest.newBuilder();
            if (user != null) {
                request.setParent("users/" + user);
            }
            if (prompt != null) {
                request.setSource(source(prompt));
            }
            PracticeStats s =
                    client.practice().getPracticeStats(request.build()).getPracticeStats();
            if (json) {
                Json.print(cli.out, s);
                return 0;
            }
            var o = s.getOverall();
            cli.out.printf(
                    "%d sessions completed, %d abandoned; average coverage %s, average rating %.1f%n",
                    o.getAttempts(),
                    o.getAbandonedCount(),
                    Fmt.percent(o.getAverageCoveragePercent()),
                    o.getAverageSelfRating());
            Table sources = new Table("PROMPT", "TITLE", "ATTEMPTS", "AVG COVERAGE", "BEST", "AVG RATING");
            s.getSourcesList()
                    .forEach(x -> sources.row(
                            Fmt.id(x.getSource()),
                            x.getTitle(),
                            x.getTotals().getAttempts(),
                            Fmt.percent(x.getTotals().getAverageCoveragePercent()),
                            Fmt.percent(x.getBestCoveragePercent()),
                            String.format("%.1f", x.getTotals().getAverageSelfRating())));
            cli.out.println();
            sources.print(cli);
            if (s.getPhasesCount() > 0) {
                Table phases = new Table("PHASE", "MISSED", "OF", "MISS %");
                s.getPhasesList()
                        .forEach(p -> phases.row(
                                p.getPhase().toLowerCase(Locale.ROOT).replace('_', ' '),
                                p.getMissedCount(),
                                p.getStepCount(),
                                Fmt.percent(p.getMissPercent())));
                cli.out.println();
                phases.print(cli);
            }
            return 0;
        }
    }
}
