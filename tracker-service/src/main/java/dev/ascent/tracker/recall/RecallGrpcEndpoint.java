package dev.ascent.tracker.recall;

import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
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
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.recall.fsrs.Rating;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.HashSet;

/** The gRPC edge of {@code ascent.tracker.v1.RecallService}: authentication, shape checks, idempotency. */
@Singleton
public class RecallGrpcEndpoint extends RecallServiceGrpc.RecallServiceImplBase {

    private final Authenticator auth;
    private final RecallService cards;
    private final RecallStats stats;
    private final Idempotency idempotency;

    public RecallGrpcEndpoint(Authenticator auth, RecallService cards, RecallStats stats, Idempotency idempotency) {
        this.auth = auth;
        this.cards = cards;
        this.stats = stats;
        this.idempotency = idempotency;
    }

    @Override
    public void createCard(CreateCardRequest request, StreamObserver<CreateCardResponse> response) {
        Caller caller = auth.require();
        String handle = parent(caller, request.getParent());
        RecallRequests.NewCard command = RecallRequests.create(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "CreateCard",
                        CreateCardResponse.parser(),
                        () -> CreateCardResponse.newBuilder()
                                .setCard(RecallProtoMapper.card(
                                        handle, cards.create(caller, handle, command.front(), command.back())))
                                .build()));
    }

    @Override
    public void listDueCards(ListDueCardsRequest request, StreamObserver<ListDueCardsResponse> response) {
        Caller caller = auth.require();
        String handle = parent(caller, request.getParent());
        String query = "dueCards:" + handle;
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        RecallService.DuePage due = cards.due(caller, handle, page.fetchSize(), page.offset());
        Page<RecallCardRow> shown = page.page(due.cards());
        ListDueCardsResponse.Builder out = ListDueCardsResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setDueCount(due.dueCount())
                .setRemainingToday(due.remainingToday());
        shown.items().forEach(c -> out.addCards(RecallProtoMapper.card(handle, c)));
        reply(response, out.build());
    }

    @Override
    public void reviewCard(ReviewCardRequest request, StreamObserver<ReviewCardResponse> response) {
        Caller caller = auth.require();
        RecallNames.CardName name = RecallNames.card(request.getName(), "name");
        Rating rating = RecallRequests.rating(request.getRating());
        reply(
                response,
                idempotency.run(caller, request.getRequestId(), "ReviewCard", ReviewCardResponse.parser(), () -> {
                    RecallCardRow card = cards.review(caller, name, rating, request.getEtag());
                    var proto = RecallProtoMapper.card(name.handle(), card);
                    return ReviewCardResponse.newBuilder()
                            .setCard(proto)
                            .setNextDueTime(proto.getDueTime())
                            .build();
                }));
    }

    @Override
    public void suspendCard(SuspendCardRequest request, StreamObserver<SuspendCardResponse> response) {
        Caller caller = auth.require();
        RecallNames.CardName name = RecallNames.card(request.getName(), "name");
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "SuspendCard",
                        SuspendCardResponse.parser(),
                        () -> SuspendCardResponse.newBuilder()
                                .setCard(RecallProtoMapper.card(
                                        name.handle(), cards.suspend(caller, name, request.getSuspended())))
                                .build()));
    }

    @Override
    public void deleteCard(DeleteCardRequest request, StreamObserver<DeleteCardResponse> response) {
        Caller caller = auth.require();
        RecallNames.CardName name = RecallNames.card(request.getName(), "name");
        reply(
                response,
                idempotency.run(caller, request.getRequestId(), "DeleteCard", DeleteCardResponse.parser(), () -> {
                    cards.delete(caller, name);
                    return DeleteCardResponse.getDefaultInstance();
                }));
    }

    @Override
    public void getRecallStats(GetRecallStatsRequest request, StreamObserver<GetRecallStatsResponse> response) {
        Caller caller = auth.require();
        String handle = parent(caller, request.getParent());
        reply(
                response,
                GetRecallStatsResponse.newBuilder()
                        .setStats(RecallProtoMapper.stats(stats.stats(caller, handle)))
                        .build());
    }

    @Override
    public void updateRecallSettings(
            UpdateRecallSettingsRequest request, StreamObserver<UpdateRecallSettingsResponse> response) {
        Caller caller = auth.require();
        String named = RecallNames.settingsOwner(request.getSettings().getName(), "settings.name");
        String handle = named == null ? caller.handle() : named;
        RecallStats.SettingsChange change = RecallStats.change(
                new HashSet<>(request.getUpdateMask().getPathsList()),
                request.getSettings().getDesiredRetention(),
                request.getSettings().getDailyLimit(),
                request.getSettings().getTimeZone());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "UpdateRecallSettings",
                        UpdateRecallSettingsResponse.parser(),
                        () -> UpdateRecallSettingsResponse.newBuilder()
                                .setSettings(RecallProtoMapper.settings(handle, stats.update(caller, handle, change)))
                                .build()));
    }

    private static String parent(Caller caller, String parent) {
        return parent.isEmpty() ? caller.handle() : Names.user(parent, "parent");
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
