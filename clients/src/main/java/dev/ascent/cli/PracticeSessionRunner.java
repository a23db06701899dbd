package dev.ascent.cli;

import com.google.protobuf.util.Timestamps;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The interactive checklist: shows the scenario and the steps, toggles steps by number, and shows the time left
 * at every prompt until the engineer finishes, leaves, or abandons the session.
 */
final class PracticeSessionRunner {

    private final Cli cli;
    private final AscentClient client;

    PracticeSessionRunner(Cli cli, AscentClient client) {
        this.cli = cli;
        this.client = client;
    }

    void run(PracticeSession session, boolean markItemDone) {
        var out = cli.out;
        out.printf(
                "%s  (session %s, %d minutes)%n%n%s%n",
                session.getTitle(), Fmt.id(session.getName()), session.getTimeBoxMinutes(), session.getScenario());
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8));
        printSteps(session);
        while (true) {
            out.printf(
                    "[%s] step numbers to check/uncheck, 'help' for guidance, 'done', 'later', 'abandon' > ",
                    timeLeft(session));
            out.flush();
            String raw = TerminalInput.readRaw(in);
            String line = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
            if (line == null || line.equals("later")) {
                out.printf(
                        "%nleft open: session %s; continue with 'ascent practice resume %s'%n",
                        Fmt.id(session.getName()), Fmt.id(session.getName()));
                return;
            }
            if (line.equals("abandon")) {
                client.practice()
                        .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                                .setName(session.getName())
                                .setEtag(session.getEtag())
                                .build());
                out.printf("abandoned session %s%n", Fmt.id(session.getName()));
                return;
            }
            if (line.equals("done")) {
                int rating = askRating(in);
                session = client.practice()
                        .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                                .setName(session.getName())
                                .setEtag(session.getEtag())
                                .setSelfRating(rating)
                                .setMarkItemDone(
                                        markItemDone && !session.getPlanItem().isEmpty())
                                .build())
                        .getPracticeSession();
                out.printf(
                        "completed session %s: %d of %d steps (%s), rated %d%s%n%s%n",
                        Fmt.id(session.getName()),
                        session.getCheckedCount(),
                        session.getStepCount(),
                        Fmt.percent(session.getCoveragePercent()),
                        rating,
                        session.getOverran() ? ", over time" : "",
                        PracticeSessions.reviewHint(session));
                return;
            }
            if (line.equals("help") || line.equals("?") || line.matches("(help|\\?)\\s+\\d+")) {
                help(session, line);
                continue;
            }
            if (line.startsWith("note ") || line.equals("note")) {
                session = note(session, raw.strip().substring(4).strip());
                continue;
            }
            if (line.isEmpty() || line.equals("list")) {
                printSteps(session);
                continue;
            }
            PracticeSession toggled = toggle(session, line);
            if (toggled != session) {
                session = toggled;
                printSteps(session);
            }
        }
    }

    /** 'help': what each answer does and every step's guidance; 'help 3': step 3's. */
    private void help(PracticeSession session, String line) {
        var out = cli.out;
        String[] parts = line.split("\\s+");
        if (parts.length == 2) {
            int n = Integer.parseInt(parts[1]);
            if (n < 1 || n > session.getStepsCount()) {
                out.println("no step " + n + ": the steps are 1 to " + session.getStepsCount());
            } else {
                PracticeSessions.printStep(cli, n, session.getSteps(n - 1), true);
            }
            return;
        }
        out.println();
        out.println("  1 3 5     check (or uncheck) those steps");
        out.println("  help 3    the guidance of step 3;  help: every step's");
        out.println("  note ...  your notes on the session;  note 3 ...: on step 3");
        out.println("  done      finish with a self-rating;  later: leave it open;  abandon: give it up");
        out.println();
        for (int i = 0; i < session.getStepsCount(); i++) {
            PracticeSessions.printStep(cli, i + 1, session.getSteps(i), true);
        }
    }

    private PracticeSession note(PracticeSession session, String text) {
        var update = UpdatePracticeSessionRequest.newBuilder()
                .setName(session.getName())
                .setEtag(session.getEtag());
        java.util.regex.Matcher step = java.util.regex.Pattern.compile("(\\d+)\\s+(.+)", java.util.regex.Pattern.DOTALL)
                .matcher(text);
        String what;
        if (step.matches()
                && Integer.parseInt(step.group(1)) >= 1
                && Integer.parseInt(step.group(1)) <= session.getStepsCount()) {
            update.addStepUpdates(PracticeStepUpdate.newBuilder()
                    .setStep(session.getSteps(Integer.parseInt(step.group(1)) - 1)
                            .getName())
                    .setNotes(step.group(2)));
            what = "step " + step.group(1);
        } else if (text.isEmpty()) {
            cli.out.println("note what? 'note <text>' or 'note <step> <text>'");
            return session;
        } else {
            update.setNotes(text);
            what = "the session";
        }
        PracticeSession updated =
                client.practice().updatePracticeSession(update.build()).getPracticeSession();
        cli.out.println("noted on " + what);
        return updated;
    }

    private PracticeSession toggle(PracticeSession session, String line) {
        var update = UpdatePracticeSessionRequest.newBuilder()
                .setName(session.getName())
                .setEtag(session.getEtag());
        for (String token : line.split("[\\s,]+")) {
            if (!token.matches("\\d+")
                    || Integer.parseInt(token) < 1
                    || Integer.parseInt(token) > session.getStepsCount()) {
                cli.out.println("not a step number: " + token + " (steps are 1 to " + session.getStepsCount()
                        + "; 'help' lists what you can type)");
                return session;
            }
            PracticeStep step = session.getSteps(Integer.parseInt(token) - 1);
            update.addStepUpdates(
                    PracticeStepUpdate.newBuilder().setStep(step.getName()).setChecked(!step.getChecked()));
        }
        return client.practice().updatePracticeSession(update.build()).getPracticeSession();
    }

    private void printSteps(PracticeSession session) {
        cli.out.println();
        for (int i = 0; i < session.getStepsCount(); i++) {
            PracticeSessions.printStep(cli, i + 1, session.getSteps(i), false);
        }
    }

    private int askRating(BufferedReader in) {
        while (true) {
            cli.out.print("how did it go, 1 (poorly) to 5 (very well)? ");
            cli.out.flush();
            String line = readLine(in);
            if (line == null) {
                throw new CliException(ExitCodes.USAGE, "no rating given; the session is still open");
            }
            if (line.matches("[1-5]")) {
                return Integer.parseInt(line);
            }
        }
    }

    private String readLine(BufferedReader in) {
        return TerminalInput.readLine(in);
    }

    static String timeLeft(PracticeSession session) {
        long left = Timestamps.toMillis(session.getDeadlineTime()) - System.currentTimeMillis();
        Duration d = Duration.ofMillis(Math.abs(left));
        String clock = String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
        return left >= 0 ? clock + " left" : clock + " over time";
    }
}
