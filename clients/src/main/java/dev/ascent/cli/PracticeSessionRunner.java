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
        out.printf("%s  (%d minutes)%n%n%s%n", session.getTitle(), session.getTimeBoxMinutes(), session.getScenario());
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8));
        while (true) {
            printSteps(session);
            out.printf("[%s] step numbers to check/uncheck, 'done' to finish, 'later' to leave it open, "
                    + "'abandon' > ", timeLeft(session));
            out.flush();
            String line = readLine(in);
            if (line == null || line.equals("later")) {
                out.printf("%nleft open: session %s%n", Fmt.id(session.getName()));
                return;
            }
            if (line.equals("abandon")) {
                client.practice().abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(session.getName()).setEtag(session.getEtag()).build());
                out.println("abandoned");
                return;
            }
            if (line.equals("done")) {
                int rating = askRating(in);
                session = client.practice().completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(session.getName()).setEtag(session.getEtag()).setSelfRating(rating)
                        .setMarkItemDone(markItemDone && !session.getPlanItem().isEmpty()).build())
                        .getPracticeSession();
                out.printf("completed: %d of %d steps (%s), rated %d%s%n", session.getCheckedCount(),
                        session.getStepCount(), Fmt.percent(session.getCoveragePercent()), rating,
                        session.getOverran() ? ", over time" : "");
                return;
            }
            session = toggle(session, line);
        }
    }

    private PracticeSession toggle(PracticeSession session, String line) {
        var update = UpdatePracticeSessionRequest.newBuilder().setName(session.getName()).setEtag(session.getEtag());
        for (String token : line.split("[\\s,]+")) {
            if (!token.matches("\\d+") || Integer.parseInt(token) < 1
                    || Integer.parseInt(token) > session.getStepsCount()) {
                cli.out.println("not a step number: " + token);
                return session;
            }
            PracticeStep step = session.getSteps(Integer.parseInt(token) - 1);
            update.addStepUpdates(PracticeStepUpdate.newBuilder().setStep(step.getName()).setChecked(!step.getChecked()));
        }
        return client.practice().updatePracticeSession(update.build()).getPracticeSession();
    }

    private void printSteps(PracticeSession session) {
        cli.out.println();
        for (int i = 0; i < session.getStepsCount(); i++) {
            PracticeStep s = session.getSteps(i);
            cli.out.printf("  %2d [%s] %s%s%n", i + 1, s.getChecked() ? "x" : " ",
                    s.getPhase().isEmpty() ? "" : s.getPhase().toLowerCase().replace('_', ' ') + ": ", s.getTitle());
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
