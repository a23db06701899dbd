package dev.ascent.client;

import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.CreateCardResponse;
import dev.ascent.proto.tracker.v1.DeleteCardRequest;
import dev.ascent.proto.tracker.v1.DeleteCardResponse;
import dev.ascent.proto.tracker.v1.GetRecallStatsRequest;
import dev.ascent.proto.tracker.v1.GetRecallStatsResponse;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsResponse;
import dev.ascent.proto.tracker.v1.RecallServiceGrpc;
import dev.ascent.proto.tracker.v1.ReviewCardRequest;
import dev.ascent.proto.tracker.v1.ReviewCardResponse;
import dev.ascent.proto.tracker.v1.SuspendCardRequest;
import dev.ascent.proto.tracker.v1.SuspendCardResponse;
import dev.ascent.proto.tracker.v1.UpdateRecallSettingsRequest;
import dev.ascent.proto.tracker.v1.UpdateRecallSettingsResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.RecallService}: spaced-repetition recall cards (FSRS), reviews, stats and settings.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#recall()}.
 */
public final class RecallClient {

    private final Calls calls;
    private final RecallServiceGrpc.RecallServiceBlockingStub stub;

    RecallClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = RecallServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public RecallServiceGrpc.RecallServiceBlockingStub stub() {
        return stub;
    }

    /** {@code CreateCard}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CreateCardResponse createCard(CreateCardRequest request) {
        return calls.write(request, stub::createCard);
    }

    /** {@code ListDueCards}. A read: retried on UNAVAILABLE. */
    public ListDueCardsResponse listDueCards(ListDueCardsRequest request) {
        return calls.read(request, stub::listDueCards);
    }

    /**
     * {@code ReviewCard}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE never counts as a
     * second review.
     */
    public ReviewCardResponse reviewCard(ReviewCardRequest request) {
        return calls.write(request, stub::reviewCard);
    }

    /** {@code SuspendCard}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public SuspendCardResponse suspendCard(SuspendCardRequest request) {
        return calls.write(request, stub::suspendCard);
    }

    /** {@code DeleteCard}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public DeleteCardResponse deleteCard(DeleteCardRequest request) {
        return calls.write(request, stub::deleteCard);
    }

    /** {@code GetRecallStats}. A read: retried on UNAVAILABLE. */
    public GetRecallStatsResponse getRecallStats(GetRecallStatsRequest request) {
        return calls.read(request, stub::getRecallStats);
    }

    /** {@code UpdateRecallSettings}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public UpdateRecallSettingsResponse updateRecallSettings(UpdateRecallSettingsRequest request) {
        return calls.write(request, stub::updateRecallSettings);
    }
}
