package dev.ascent.tracker.export;

import dev.ascent.common.ServiceSpec;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.ResourceName;
import dev.ascent.proto.tracker.v1.CalendarFeed;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.ExportPlanRequest;
import dev.ascent.proto.tracker.v1.ExportPlanResponse;
import dev.ascent.proto.tracker.v1.ExportServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.GetCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.ImportPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanResponse;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedResponse;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.grpc.Timestamps;
import dev.ascent.tracker.plan.PlanProtoMapper;
import dev.ascent.tracker.recall.RecallProtoMapper;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** The gRPC edge of {@code ascent.tracker.v1.ExportService}: authentication, shape checks, idempotency. */
@Singleton
public class ExportGrpcEndpoint extends ExportServiceGrpc.ExportServiceImplBase {

    /** Room left in an ImportPlan request for its other fields. */
    static final int MAX_EXPORT_BYTES = ServiceSpec.DEFAULT_MAX_INBOUND_BYTES - 4096;

    private static final ResourceName FEED = ResourceName.of("users/{handle}/calendarFeed", ResourceName.HANDLE);

    // A feed secret is never stored: retries within the secret window get it unsealed, later ones withheld.
    private static final Idempotency.Secret<CreateCalendarFeedResponse> CREATED = new Idempotency.Secret<>(
            CreateCalendarFeedResponse::getSecret,
            r -> r.toBuilder().clearSecret().setSecretWithheld(true).build(),
            (r, secret) ->
                    r.toBuilder().setSecret(secret).setSecretWithheld(false).build());
    private static final Idempotency.Secret<RotateCalendarFeedResponse> ROTATED = new Idempotency.Secret<>(
            RotateCalendarFeedResponse::getSecret,
            r -> r.toBuilder().clearSecret().setSecretWithheld(true).build(),
            (r, secret) ->
                    r.toBuilder().setSecret(secret).setSecretWithheld(false).build());

    private final Authenticator auth;
    private final PlanExporter exporter;
    private final PlanImporter importer;
    private final CalendarFeeds feeds;
    private final Idempotency idempotency;

    public ExportGrpcEndpoint(
            Authenticator auth,
            PlanExporter exporter,
            PlanImporter importer,
            CalendarFeeds feeds,
            Idempotency idempotency) {
        this.auth = auth;
        this.exporter = exporter;
        this.importer = importer;
        this.feeds = feeds;
        this.idempotency = idempotency;
    }

    @Override
    public void exportPlan(ExportPlanRequest request, StreamObserver<ExportPlanResponse> response) {
        Caller caller = auth.require();
        Names.PlanName name = Names.plan(request.getName(), "name");
        PlanExport export = ExportProtoMapper.export(exporter.export(caller, name));
        if (export.getSerializedSize() > MAX_EXPORT_BYTES) {
            throw ApiException.failedPrecondition(
                    "EXPORT_TOO_LARGE",
                    name.name() + " exports to "
                            + export.getSerializedSize() + " bytes, more than ImportPlan accepts (" + MAX_EXPORT_BYTES
                            + "); shorten its notes or delete old practice sessions");
        }
        reply(response, ExportPlanResponse.newBuilder().setExport(export).build());
    }

    @Override
    public void importPlan(ImportPlanRequest request, StreamObserver<ImportPlanResponse> response) {
        Caller caller = auth.require();
        String handle = request.getParent().isEmpty() ? caller.handle() : Names.user(request.getParent(), "parent");
        if (!request.hasExport()) {
            throw ApiException.invalid("export", "is required: a PlanExport from ExportPlan");
        }
        ImportCommand command = ImportRequests.read(request.getExport());
        reply(
                response,
                idempotency.run(caller, request.getRequestId(), "ImportPlan", ImportPlanResponse.parser(), () -> {
                    PlanImporter.Imported done = importer.importPlan(caller, handle, command);
                    return ImportPlanResponse.newBuilder()
                            .setPlan(PlanProtoMapper.plan(done.plan(), true))
                            .setTimeEntryCount(done.entries())
                            .setCommentCount(done.comments())
                            .setPracticeSessionCount(done.sessions())
                            .setRecallCardCount(done.cards())
                            .build();
                }));
    }

    @Override
    public void getCalendarFeed(GetCalendarFeedRequest request, StreamObserver<GetCalendarFeedResponse> response) {
        Caller caller = auth.require();
        reply(
                response,
                GetCalendarFeedResponse.newBuilder()
                        .setFeed(feed(feeds.get(caller, feedOwner(caller, request.getName()))))
                        .build());
    }

    @Override
    public void createCalendarFeed(
            CreateCalendarFeedRequest request, StreamObserver<CreateCalendarFeedResponse> response) {
        Caller caller = auth.require();
        String handle = feedOwner(caller, request.getName());
        reply(
                response,
                idempotency.runWithSecret(
                        caller,
                        request.getRequestId(),
                        "CreateCalendarFeed",
                        CreateCalendarFeedResponse.parser(),
                        CREATED,
                        () -> {
                            CalendarFeeds.Secret made = feeds.create(caller, handle);
                            return CreateCalendarFeedResponse.newBuilder()
                                    .setFeed(feed(made.feed()))
                                    .setSecret(made.secret())
                                    .build();
                        }));
    }

    @Override
    public void rotateCalendarFeed(
            RotateCalendarFeedRequest request, StreamObserver<RotateCalendarFeedResponse> response) {
        Caller caller = auth.require();
        String handle = feedOwner(caller, request.getName());
        reply(
                response,
                idempotency.runWithSecret(
                        caller,
                        request.getRequestId(),
                        "RotateCalendarFeed",
                        RotateCalendarFeedResponse.parser(),
                        ROTATED,
                        () -> {
                            CalendarFeeds.Secret made = feeds.rotate(caller, handle);
                            return RotateCalendarFeedResponse.newBuilder()
                                    .setFeed(feed(made.feed()))
                                    .setSecret(made.secret())
                                    .build();
                        }));
    }

    @Override
    public void revokeCalendarFeed(
            RevokeCalendarFeedRequest request, StreamObserver<RevokeCalendarFeedResponse> response) {
        Caller caller = auth.require();
        String handle = feedOwner(caller, request.getName());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "RevokeCalendarFeed",
                        RevokeCalendarFeedResponse.parser(),
                        () -> RevokeCalendarFeedResponse.newBuilder()
                                .setFeed(feed(feeds.revoke(caller, handle)))
                                .build()));
    }

    /** The feed's secret is the credential here: no bearer token is asked for. */
    @Override
    public void readCalendarFeed(ReadCalendarFeedRequest request, StreamObserver<ReadCalendarFeedResponse> response) {
        String handle = Names.user(request.getUser(), "user");
        new Validator()
                .required(request.getSecret(), "secret")
                .maxLength(request.getSecret(), 100, "secret")
                .throwIfInvalid();
        CalendarFeeds.Contents c = feeds.read(handle, request.getSecret());
        ReadCalendarFeedResponse.Builder out = ReadCalendarFeedResponse.newBuilder()
                .setUser(c.user().name())
                .setDisplayName(c.user().displayName())
                .setRecallSettings(RecallProtoMapper.settings(handle, c.settings()))
                .setRecallCardCount(c.cards().count());
        if (c.cards().since() != null) {
            out.setRecallSince(Timestamps.of(c.cards().since()));
        }
        c.plans().forEach(p -> {
            var plan = PlanProtoMapper.plan(p, true).toBuilder();
            plan.getItemsBuilderList().forEach(i -> i.clearNotes());
            out.addPlans(plan);
        });
        reply(response, out.build());
    }

    private static String feedOwner(Caller caller, String name) {
        if (name.isEmpty()) {
            return caller.handle();
        }
        return FEED.parse(name, "name").get("handle");
    }

    private static CalendarFeed feed(CalendarFeeds.Feed f) {
        CalendarFeed.Builder b = CalendarFeed.newBuilder()
                .setName(CalendarFeeds.feedName(f.handle()))
                .setActive(f.active())
                .setSecretPrefix(f.active() ? f.prefix() : "");
        if (f.active() && f.createTime() != null) {
            b.setCreateTime(Timestamps.of(f.createTime()));
        }
        return b.build();
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
