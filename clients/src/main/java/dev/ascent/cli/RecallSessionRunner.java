package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewCardResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass through the cards due now: front, Enter for the back, 1-4 to rate. Cards that come back within the
 * session (a learning step of a few minutes) wait for the next run, so a pass always ends.
 */
final class RecallSessionRunner {

    private final Cli cli;
    private final AscentClient client;

    RecallSessionRunner(Cli cli, AscentClient client) {
        this.cli = cli;
        this.client = client;
    }

    void run() {
        var out = cli.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8));
        Set<String> seen = new HashSet<>();
        int reviewed = 0;
        while (true) {
            List<RecallCard> due = client
                    .recall()
                    .listDueCards(
                            ListDueCardsRequest.newBuilder().setPageSize(100).build())
                    .getCardsList()
                    .stream()
                    .filter(c -> !seen.contains(c.getName()))
                    .toList();
            if (due.isEmpty()) {
                break;
            }
            for (RecallCard card : due) {
                seen.add(card.getName());
                out.printf(
                        "%n[%d reviewed] card %s%n%n%s%n%n(Enter shows the answer, q stops) ",
                        reviewed, Fmt.id(card.getName()), card.getFront().strip());
                out.flush();
                String line = readLine(in);
                if (line == null || line.equals("q")) {
                    finish(reviewed);
                    return;
                }
                out.printf("%n%s%n%n", card.getBack().strip());
                RecallRating rating = askRating(in);
                if (rating == null) {
                    finish(reviewed);
                    return;
                }
                if (rating == RecallRating.UNRECOGNIZED) {
                    out.println("skipped");
                    continue;
                }
                ReviewCardResponse r = client.recall()
                        .reviewCard(ReviewCardRequest.newBuilder()
                                .setName(card.getName())
                                .setRating(rating)
                                .setEtag(card.getEtag())
                                .build());
                reviewed++;
                out.printf("%s: next due %s%n", Fmt.en(rating, "RECALL_RATING_"), Fmt.time(r.getNextDueTime()));
            }
        }
        finish(reviewed);
    }

    private void finish(int reviewed) {
        cli.out.printf("%n%d cards reviewed; nothing else due right now%n", reviewed);
    }

    /** The rating; UNRECOGNIZED for a skip, null to stop. */
    private RecallRating askRating(BufferedReader in) {
        while (true) {
            cli.out.print("1 again, 2 hard, 3 good, 4 easy (s skips, q stops) > ");
            cli.out.flush();
            String line = readLine(in);
            if (line == null || line.equals("q")) {
                return null;
            }
            if (line.equals("s")) {
                return RecallRating.UNRECOGNIZED;
            }
            if (line.matches("[1-4]")) {
                return RecallCommands.rating(line);
            }
        }
    }

    private String readLine(BufferedReader in) {
        return TerminalInput.readLine(in);
    }
}
