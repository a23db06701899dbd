package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ascent practice list|show|resume|finish|abandon|notes}: sessions after they started, so none is stranded.
 * A SESSION is its id (as 'practice start' and 'practice list' print it), practiceSessions/ID or its full name;
 * left out, it is your newest open session.
 */
final class PracticeSessions {

    static final String SESSION_HELP = "session id (see 'ascent practice list'); default: your newest open session";

    private PracticeSessions() {}

    /** The session a person means: by id, or the newest ACTIVE one. */
    static PracticeSession find(AscentClient client, String me, String ref) {
        if (ref == null || ref.isBlank()) {
            List<PracticeSession> open = client.practice()
                    .listPracticeSessions(ListPracticeSessionsRequest.newBuilder()
                            .setState(PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE)
                            .setPageSize(1)
                            .build())
                    .getPracticeSessionsList();
            if (open.isEmpty()) {
                throw new CliException(
                        ExitCodes.NOT_FOUND,
                        "you have no open practice session; 'ascent practice " + "list' shows the others");
            }
            return open.get(0);
        }
        String name = ref.startsWith("users/")
                ? ref
                : "users/" + me + "/practiceSessions/"
                        + Refs.digits(ref.replaceFirst("^practiceSessions/", ""), "practice session");
        return client.practice()
                .getPracticeSession(
                        GetPracticeSessionRequest.newBuilder().setName(name).build())
                .getPracticeSession();
    }

    static String state(PracticeSession s) {
        return Fmt.en(s.getState(), "PRACTICE_SESSION_STATE_")
                + (s.getState() == PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE
                        ? ", " + PracticeSessionRunner.timeLeft(s)
                        : "");
    }

    static String summary(PracticeSession s) {
        return String.format(
                "practice session %s: %s, %d of %d steps (%s)%s",
                Fmt.id(s.getName()),
                s.getTitle(),
                s.getCheckedCount(),
                s.getStepCount(),
                Fmt.percent(s.getCoveragePercent()),
                s.getSelfRating() > 0 ? ", rated " + s.getSelfRating() : ", " + state(s));
    }

    /** The next step once a session is complete: where its review starts. */
    static String reviewHint(PracticeSession s) {
        return "ask your mentor to review it: ascent review request practiceSessions/" + Fmt.id(s.getName());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Your practice sessions, newest first.")
    static final class ListSessions extends ClientCommand {
        @Option(names = "--open", description = "only sessions still open (resume, finish or abandon them)")
        boolean open;

        @Option(names = "--item", paramLabel = "ITEM", description = "only sessions linked to this plan item")
        String item;

        @Option(names = "--user", paramLabel = "HANDLE", description = "a mentee's sessions (default: yours)")
        String user;

        @Option(names = "--limit", description = "at most this many (default: 20)")
        int limit = 20;

        ListSessions(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = ListPracticeSessionsRequest.newBuilder().setPageSize(Math.min(100, Math.max(1, limit)));
            if (open) {
                request.setState(PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE);
            }
            if (item != null) {
                request.setPlanItem(refs(client).item(item, null));
            }
            if (user != null) {
                request.setParent("users/" + user);
            }
            var r = client.practice().listPracticeSessions(request.build());
            if (json) {
                Json.printList(cli.out, r.getPracticeSessionsList());
                return 0;
            }
            Table t = new Table("SESSION", "STARTED", "PROMPT", "STATE", "COVERAGE", "RATING");
            r.getPracticeSessionsList()
                    .forEach(s -> t.row(
                            Fmt.id(s.getName()),
                            Fmt.time(s.getStartTime()),
                            s.getTitle(),
                            state(s),
                            s.getCheckedCount() + "/" + s.getStepCount(),
                            s.getSelfRating() > 0 ? s.getSelfRating() : "-"));
            t.print(cli);
            if (!r.getNextPageToken().isEmpty()) {
                Pages.hint(cli, r.getPracticeSessionsCount(), r.getTotalSize(), "--limit N (up to 100) shows more");
            }
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A session in full: the scenario, every step with its guidance, your notes, scores.")
    static final class Show extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "SESSION", description = SESSION_HELP)
        String session;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            PracticeSession s = find(client, me(client), session);
            if (json) {
                Json.print(cli.out, s);
                return 0;
            }
            var out = cli.out;
            out.println(summary(s));
            out.printf(
                    "  %s, started %s, %d minutes%s%n",
                    s.getSource(),
                    Fmt.time(s.getStartTime()),
                    s.getTimeBoxMinutes(),
                    s.getPlanItem().isEmpty() ? "" : ", for plan item " + Fmt.id(s.getPlanItem()));
            if (!s.getScenario().isEmpty()) {
                out.println();
                s.getScenario().lines().forEach(l -> out.println("  " + l));
            }
            out.println();
            for (int i = 0; i < s.getStepsCount(); i++) {
                printStep(cli, i + 1, s.getSteps(i), true);
            }
            if (!s.getNotes().isEmpty()) {
                out.println();
                out.println("notes:");
                s.getNotes().lines().forEach(l -> out.println("  " + l));
            }
            out.flush();
            return 0;
        }
    }

    /** One step: number, box, phase and title; with {@code full}, its guidance, notes and mentor score. */
    static void printStep(Cli cli, int n, PracticeStep step, boolean full) {
        cli.out.printf(
                "  %2d [%s] %s%s%s%n",
                n,
                step.getChecked() ? "x" : " ",
                step.getPhase().isEmpty()
                        ? ""
                        : step.getPhase().toLowerCase(Locale.ROOT).replace('_', ' ') + ": ",
                step.getTitle(),
                step.getMentorScore() > 0 ? "  (mentor: " + step.getMentorScore() + "/5)" : "");
        if (full) {
            if (!step.getText().isEmpty() && !step.getText().equals(step.getTitle())) {
                step.getText().lines().forEach(l -> cli.out.println("         " + l));
            }
            if (!step.getNotes().isEmpty()) {
                step.getNotes().lines().forEach(l -> cli.out.println("         note: " + l));
            }
        }
    }

    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = "Continues an open session with the interactive checklist (-i on piped input).")
    static final class Resume extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "SESSION", description = SESSION_HELP)
        String session;

        @Option(
                names = {"-i", "--interactive"},
                description = "the checklist even when standard input is not a terminal")
        boolean interactive;

        @Option(names = "--mark-done", description = "mark the linked plan item done when you finish")
        boolean markDone;

        Resume(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            PracticeSession s = find(client, me(client), session);
            if (s.getState() != PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE) {
                throw new CliException(ExitCodes.FAILED, summary(s) + "; only an open session can be resumed");
            }
            if (!cli.interactive && !interactive) {
                throw new CliException(
                        ExitCodes.USAGE,
                        "resume runs the interactive checklist: run it at a "
                                + "terminal or pass -i; scripts use 'ascent practice finish' and 'practice notes'");
            }
            new PracticeSessionRunner(cli, client).run(s, markDone);
            return 0;
        }
    }

    @Command(
            name = "finish",
            mixinStandardHelpOptions = true,
            description = "Completes an open session with a self-rating (and any steps still to check).")
    static final class Finish extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "SESSION", description = SESSION_HELP)
        String session;

        @Option(names = "--rating", required = true, paramLabel = "1-5", description = "how it went")
        int rating;

        @Option(names = "--check", split = ",", paramLabel = "N", description = "also check these steps, e.g. 1,3")
        List<Integer> check;

        @Option(names = "--notes", description = "overall notes")
        String notes;

        @Option(names = "--mark-done", description = "also mark the linked plan item done")
        boolean markDone;

        Finish(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (rating < 1 || rating > 5) {
                throw new CliException(ExitCodes.USAGE, "--rating must be 1 to 5");
            }
            PracticeSession s = find(client, me(client), session);
            if (check != null) {
                s = update(client, s, check, null);
            }
            var request = CompletePracticeSessionRequest.newBuilder()
                    .setName(s.getName())
                    .setEtag(s.getEtag())
                    .setSelfRating(rating)
                    .setMarkItemDone(markDone && !s.getPlanItem().isEmpty());
            if (notes != null) {
                request.setNotes(notes);
            }
            s = client.practice().completePracticeSession(request.build()).getPracticeSession();
            if (json) {
                Json.print(cli.out, s);
            } else {
                cli.out.println(summary(s));
                cli.out.println(reviewHint(s));
                cli.out.flush();
            }
            return 0;
        }
    }

    /** Checks {@code steps} (1-based) and sets the notes when given, in one update. */
    static PracticeSession update(AscentClient client, PracticeSession s, List<Integer> steps, String notes) {
        var update =
                UpdatePracticeSessionRequest.newBuilder().setName(s.getName()).setEtag(s.getEtag());
        for (int n : steps) {
            if (n < 1 || n > s.getStepsCount()) {
                throw new CliException(
                        ExitCodes.USAGE, "no step " + n + ": the session has steps 1 to " + s.getStepsCount());
            }
            update.addStepUpdates(PracticeStepUpdate.newBuilder()
                    .setStep(s.getSteps(n - 1).getName())
                    .setChecked(true));
        }
        if (notes != null) {
            update.setNotes(notes);
        }
        return client.practice().updatePracticeSession(update.build()).getPracticeSession();
    }

    @Command(
            name = "abandon",
            mixinStandardHelpOptions = true,
            description = "Gives up an open session (it stays listed; stats leave it out).")
    static final class Abandon extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "SESSION", description = SESSION_HELP)
        String session;

        Abandon(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            PracticeSession s = find(client, me(client), session);
            s = client.practice()
                    .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                            .setName(s.getName())
                            .setEtag(s.getEtag())
                            .build())
                    .getPracticeSession();
            if (json) {
                Json.print(cli.out, s);
            } else {
                cli.out.println("abandoned " + summary(s));
                cli.out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "notes",
            mixinStandardHelpOptions = true,
            description = "Sets the notes of an open session, or of one of its steps with --step.")
    static final class Notes extends ClientCommand {
        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the notes (replace the earlier ones)")
        List<String> text;

        @Option(names = "--session", paramLabel = "SESSION", description = SESSION_HELP)
        String session;

        @Option(names = "--step", paramLabel = "N", description = "the step's notes instead of the session's")
        Integer step;

        Notes(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            PracticeSession s = find(client, me(client), session);
            String notes = String.join(" ", text);
            var update = UpdatePracticeSessionRequest.newBuilder()
                    .setName(s.getName())
                    .setEtag(s.getEtag());
            if (step == null) {
                update.setNotes(notes);
            } else {
                if (step < 1 || step > s.getStepsCount()) {
                    throw new CliException(ExitCodes.USAGE, "--step must be 1 to " + s.getStepsCount());
                }
                update.addStepUpdates(PracticeStepUpdate.newBuilder()
                        .setStep(s.getSteps(step - 1).getName())
                        .setNotes(notes));
            }
            s = client.practice().updatePracticeSession(update.build()).getPracticeSession();
            if (json) {
                Json.print(cli.out, s);
            } else {
                cli.out.printf(
                        "notes saved on %s%s%n",
                        step == null ? "session " : "step " + step + " of session ", Fmt.id(s.getName()));
                cli.out.flush();
            }
            return 0;
        }
    }
}
