package dev.ascent.tracker.recall;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.tracker.recall.fsrs.Rating;
import java.util.ArrayList;
import java.util.List;

/** Shape checks of recall requests; every bad field is reported at once as INVALID_ARGUMENT. */
final class RecallRequests {

    static final int MAX_SIDE = 4000;

    private RecallRequests() {}

    record NewCard(String front, String back) {}

    static NewCard create(CreateCardRequest request) {
        List<FieldViolation> bad = new ArrayList<>();
        side(bad, "front", request.getFront());
        side(bad, "back", request.getBack());
        if (!bad.isEmpty()) {
            throw ApiException.invalid(bad);
        }
        return new NewCard(request.getFront().strip(), request.getBack().strip());
    }

    static Rating rating(RecallRating rating) {
        return switch (rating) {
            case RECALL_RATING_AGAIN -> Rating.AGAIN;
            case RECALL_RATING_HARD -> Rating.HARD;
            case RECALL_RATING_GOOD -> Rating.GOOD;
            case RECALL_RATING_EASY -> Rating.EASY;
            default -> throw ApiException.invalid("rating", "is required: RECALL_RATING_AGAIN, _HARD, _GOOD or _EASY");
        };
    }

    private static void side(List<FieldViolation> bad, String field, String value) {
        if (value.isBlank()) {
            bad.add(new FieldViolation(field, "is required"));
        } else if (value.codePointCount(0, value.length()) > MAX_SIDE) {
            bad.add(new FieldViolation(
                    field,
                    "must be at most " + MAX_SIDE + " characters, not " + value.codePointCount(0, value.length())));
        }
    }
}
