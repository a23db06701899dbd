package dev.ascent.web.recall;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetRecallStatsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsResponse;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewCardResponse;
import dev.ascent.web.Form;
import dev.ascent.web.Web;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recall: the card due first, its front shown and its back behind a disclosure (a {@code details} element, so it
 * works without JavaScript), then AGAIN / HARD / GOOD / EASY. Each rating posts, and the page comes back with the
 * next card due.
 */
@Controller
public final class RecallController {

    private static final Pattern CARD_ID = Pattern.compile("[0-9]{1,19}");

    private final Web web;

    public RecallController(Web web) {
        this.web = web;
    }

    /** The four answers, in the order the page shows them. */
    public record Answer(int value, String label, String hint) {}

    static final java.util.List<Answer> ANSWERS = java.util.List.of(
            new Answer(1, "Again", "forgot it"),
            new Answer(2, "Hard", "recalled with difficulty"),
            new Answer(3, "Good", "recalled after some thought"),
            new Answer(4, "Easy", "recalled at once"));

    @Get("/recall")
    public ModelAndView<?> recall(HttpRequest<?> request) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        ListDueCardsResponse due = client.recall()
                .listDueCards(ListDueCardsRequest.newBuilder().setPageSize(1).build());
        var stats = client.recall()
                .getRecallStats(GetRecallStatsRequest.getDefaultInstance())
                .getStats();
        RecallCard card = due.getCardsCount() == 0 ? null : due.getCards(0);
        return web.page(
                request,
                "recall",
                "card",
                card,
                "due",
                due,
                "stats",
                stats,
                "answers",
                ANSWERS,
                "cardId",
                card == null ? "" : card.getName().substring(card.getName().lastIndexOf('/') + 1));
    }

    @Post(value = "/recall/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> review(
            HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        if (!CARD_ID.matcher(id).matches()) {
            throw new Form.BadForm("not a card: " + id);
        }
        int rating = form.integer("rating", 0);
        if (rating < 1 || rating > 4) {
            throw new Form.BadForm("choose Again, Hard, Good or Easy");
        }
        ReviewCardResponse r = web.client(s)
                .recall()
                .reviewCard(ReviewCardRequest.newBuilder()
                        .setName("users/" + s.handle() + "/recallCards/" + id)
                        .setRating(RecallRating.forNumber(rating))
                        .setEtag(form.get("etag"))
                        .build());
        Instant next = Instant.ofEpochSecond(r.getNextDueTime().getSeconds());
        s.flash(
                ANSWERS.get(rating - 1).label() + ": due again " + in(Duration.between(Instant.now(), next)) + ".",
                false);
        return Web.seeOther("/recall");
    }

    /** "in 10 minutes", "in 3 days": how far away the next review is, roughly. */
    static String in(Duration d) {
        long minutes = Math.max(1, Math.round(d.toSeconds() / 60.0));
        if (minutes < 60) {
            return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 36) {
            return "in " + hours + (hours == 1 ? " hour" : " hours");
        }
        long days = Math.round(hours / 24.0);
        return "in " + days + " days";
    }
}
