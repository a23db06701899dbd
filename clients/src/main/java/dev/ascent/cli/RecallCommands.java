package dev.ascent.cli;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.DeleteCardRequest;
import dev.ascent.proto.tracker.v1.GetRecallStatsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsResponse;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.RecallSettings;
import dev.ascent.proto.tracker.v1.RecallStats;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewCardResponse;
import dev.ascent.proto.tracker.v1.SuspendCardRequest;
import dev.ascent.proto.tracker.v1.UpdateRecallSettingsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ascent recall}: the due cards, one at a time (front, Enter for the back, 1-4 to rate), or as JSON; and
 * {@code recall add|rate|suspend|delete|stats|settings}.
 */
@Command(
        name = "recall",
        mixinStandardHelpOptions = true,
        description = {
            "Spaced-repetition recall of what you studied (FSRS).",
            "At a terminal (or with --interactive) it goes through the cards due now: the front is shown, Enter",
            "reveals the back, then 1 again, 2 hard, 3 good, 4 easy (s skips, q stops). Otherwise, and with",
            "--json, it lists the due cards."
        },
        subcommands = {
            RecallCommands.Add.class,
            RecallCommands.Rate.class,
            RecallCommands.Suspend.class,
            RecallCommands.Delete.class,
            RecallCommands.Stats.class,
            RecallCommands.Settings.class
        })
final class RecallCommands extends ClientCommand {

    @Option(
            names = {"-i", "--interactive"},
            description = "review interactively even when standard input is not " + "a terminal")
    boolean interactive;

    RecallCommands(Cli cli) {
        super(cli);
    }

    @Override
    int run(AscentClient client) {
        if (interactive && json) {
            throw new CliException(ExitCodes.USAGE, "--interactive cannot be combined with --json");
        }
        if ((cli.interactive || interactive) && !json) {
            new RecallSessionRunner(cli, client).run();
            return 0;
        }
        List<RecallCard> cards = new ArrayList<>();
        ListDueCardsResponse page = null;
        do {
            var request = ListDueCardsRequest.newBuilder().setPageSize(100);
            if (page != null) {
                request.setPageToken(page.getNextPageToken());
            }
            page = client.recall().listDueCards(request.build());
            cards.addAll(page.getCardsList());
        } while (!page.getNextPageToken().isEmpty());
        if (json) {
            Json.printList(cli.out, cards);
            return 0;
        }
        cli.out.printf(
                "%d cards due%s%n",
                page.getDueCount(),
                page.getRemainingToday() < 0 ? "" : ", " + page.getRemainingToday() + " left in today's limit");
        Table table = new Table("CARD", "DUE", "STATE", "FRONT");
        cards.forEach(c -> table.row(
                Fmt.id(c.getName()),
                Fmt.time(c.getDueTime()),
                Fmt.en(c.getState(), "RECALL_CARD_STATE_"),
                c.getFront()));
        if (!cards.isEmpty()) {
            cli.out.println();
            table.print(cli);
        }
        return 0;
    }

    /** A card id, or its full name. */
    static String cardName(String ref, String me) {
        if (ref.startsWith("users/")) {
            return ref;
        }
        if (!ref.matches("\\d{1,18}")) {
            throw new CliException(ExitCodes.USAGE, "a card is its id or users/<handle>/recallCards/<id>, not " + ref);
        }
        return "users/" + me + "/recallCards/" + ref;
    }

    static RecallRating rating(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "again" -> RecallRating.RECALL_RATING_AGAIN;
            case "2", "hard" -> RecallRating.RECALL_RATING_HARD;
            case "3", "good" -> RecallRating.RECALL_RATING_GOOD;
            case "4", "easy" -> RecallRating.RECALL_RATING_EASY;
            default ->
                throw new CliException(ExitCodes.USAGE, "a rating is 1-4 or again, hard, good, easy; not " + value);
        };
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a card of your own.")
    static final class Add extends ClientCommand {
        @Parameters(index = "0", paramLabel = "FRONT", description = "the question, up to 4000 characters")
        String front;

        @Parameters(index = "1", paramLabel = "BACK", description = "the answer, up to 4000 characters")
        String back;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            RecallCard card = client.recall()
                    .createCard(CreateCardRequest.newBuilder()
                            .setFront(front)
                            .setBack(back)
                            .build())
                    .getCard();
            if (json) {
                Json.print(cli.out, card);
            } else {
                cli.out.printf("card %s added, due now%n", Fmt.id(card.getName()));
            }
            return 0;
        }
    }

    @Command(name = "rate", mixinStandardHelpOptions = true, description = "Rates one card, for scripts.")
    static final class Rate extends ClientCommand {
        @Parameters(index = "0", paramLabel = "CARD", description = "card id or name")
        String card;

        @Parameters(index = "1", paramLabel = "RATING", description = "1 again, 2 hard, 3 good, 4 easy")
        String rating;

        Rate(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            RecallRating r = rating(rating);
            ReviewCardResponse reviewed = client.recall()
                    .reviewCard(ReviewCardRequest.newBuilder()
                            .setName(cardName(card, me(client)))
                            .setRating(r)
                            .build());
            if (json) {
                Json.print(cli.out, reviewed);
            } else {
                cli.out.printf(
                        "card %s: %s, next due %s%n",
                        Fmt.id(reviewed.getCard().getName()),
                        Fmt.en(r, "RECALL_RATING_"),
                        Fmt.time(reviewed.getNextDueTime()));
            }
            return 0;
        }
    }

    @Command(
            name = "suspend",
            mixinStandardHelpOptions = true,
            description = "Suspends a card (it is no longer due); --undo brings it back.")
    static final class Suspend extends ClientCommand {
        @Parameters(paramLabel = "CARD", description = "card id or name")
        String card;

        @Option(names = "--undo", description = "unsuspend")
        boolean undo;

        Suspend(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            RecallCard c = client.recall()
                    .suspendCard(SuspendCardRequest.newBuilder()
                            .setName(cardName(card, me(client)))
                            .setSuspended(!undo)
                            .build())
                    .getCard();
            if (json) {
                Json.print(cli.out, c);
            } else {
                cli.out.printf("card %s %s%n", Fmt.id(c.getName()), c.getSuspended() ? "suspended" : "active again");
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a card and its reviews.")
    static final class Delete extends ClientCommand {
        @Parameters(paramLabel = "CARD", description = "card id or name")
        String card;

        Delete(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = cardName(card, me(client));
            client.recall()
                    .deleteCard(DeleteCardRequest.newBuilder().setName(name).build());
            cli.out.println(json ? "{}" : "card " + Fmt.id(name) + " deleted");
            return 0;
        }
    }

    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = "Due today, the next 7 days, reviews per day and true retention.")
    static final class Stats extends ClientCommand {
        @Option(names = "--user", paramLabel = "HANDLE", description = "a mentee's stats (default: yours)")
        String user;

        Stats(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = GetRecallStatsRequest.newBuilder();
            if (user != null) {
                request.setParent("users/" + user);
            }
            RecallStats s = client.recall().getRecallStats(request.build()).getStats();
            if (json) {
                Json.print(cli.out, s);
                return 0;
            }
            cli.out.printf(
                    "%d cards (%d suspended); %d due today%n",
                    s.getCardCount(), s.getSuspendedCount(), s.getDueTodayCount());
            cli.out.printf(
                    "true retention (30 days): %s%n",
                    s.getTrueRetentionReviewCount() == 0
                            ? "- (no reviews of graduated cards yet)"
                            : Fmt.percent(s.getTrueRetentionPercent()) + " of " + s.getTrueRetentionReviewCount()
                                    + " reviews");
            Table forecast = new Table("DAY", "DUE");
            s.getForecastList().forEach(d -> forecast.row(d.getDate(), d.getCount()));
            cli.out.println();
            forecast.print(cli);
            int total = s.getReviewsPerDayList().stream()
                    .mapToInt(d -> d.getCount())
                    .sum();
            cli.out.printf(
                    "%n%d reviews in the last 30 days; today %d%n",
                    total, s.getReviewsPerDay(s.getReviewsPerDayCount() - 1).getCount());
            var st = s.getSettings();
            cli.out.printf(
                    "desired retention %.2f, daily limit %s, time zone %s%n",
                    st.getDesiredRetention(),
                    st.getDailyLimit() == 0 ? "none" : String.valueOf(st.getDailyLimit()),
                    st.getTimeZone());
            return 0;
        }
    }

    @Command(
            name = "settings",
            mixinStandardHelpOptions = true,
            description = "Changes desired retention, the daily limit or the time zone (only the ones given).")
    static final class Settings extends ClientCommand {
        @Option(names = "--retention", paramLabel = "R", description = "desired retention, 0.70 to 0.99")
        Double retention;

        @Option(names = "--daily-limit", paramLabel = "N", description = "reviews a day, 0 for no limit")
        Integer limit;

        @Option(names = "--time-zone", paramLabel = "ZONE", description = "IANA time zone, e.g. Europe/Berlin")
        String zone;

        Settings(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (retention == null && limit == null && zone == null) {
                throw new CliException(ExitCodes.USAGE, "give --retention, --daily-limit or --time-zone");
            }
            RecallSettings.Builder s = RecallSettings.newBuilder();
            FieldMask.Builder mask = FieldMask.newBuilder();
            if (retention != null) {
                s.setDesiredRetention(retention);
                mask.addPaths("desired_retention");
            }
            if (limit != null) {
                s.setDailyLimit(limit);
                mask.addPaths("daily_limit");
            }
            if (zone != null) {
                s.setTimeZone(zone);
                mask.addPaths("time_zone");
            }
            RecallSettings saved = client.recall()
                    .updateRecallSettings(UpdateRecallSettingsRequest.newBuilder()
                            .setSettings(s)
                            .setUpdateMask(mask)
                            .build())
                    .getSettings();
            if (json) {
                Json.print(cli.out, saved);
            } else {
                cli.out.printf(
                        "desired retention %.2f, daily limit %s, time zone %s%n",
                        saved.getDesiredRetention(),
                        saved.getDailyLimit() == 0 ? "none" : String.valueOf(saved.getDailyLimit()),
                        saved.getTimeZone());
            }
            return 0;
        }
    }
}
