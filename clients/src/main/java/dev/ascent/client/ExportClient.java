package dev.ascent.client;

import dev.ascent.proto.tracker.v1.CreateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.ExportPlanRequest;
import dev.ascent.proto.tracker.v1.ExportPlanResponse;
import dev.ascent.proto.tracker.v1.ExportServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.GetCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.ImportPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanResponse;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.ExportService}: a plan's data out ({@code ExportPlan}) and back in as a new plan
 * ({@code ImportPlan}), and the calendar feed's secret. {@link dev.ascent.client.formats.PlanCsv} and
 * {@link dev.ascent.client.formats.PlanCalendar} turn an export into CSV and iCalendar.
 * Every method throws an {@link AscentException} subclass on failure. Get one from {@link AscentClient#exports()}.
 */
public final class ExportClient {

    private final Calls calls;
    private final ExportServiceGrpc.ExportServiceBlockingStub stub;

    ExportClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = ExportServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public ExportServiceGrpc.ExportServiceBlockingStub stub() {
        return stub;
    }

    /** {@code ExportPlan}. A read: retried on UNAVAILABLE. */
    public ExportPlanResponse exportPlan(ExportPlanRequest request) {
        return calls.read(request, stub::exportPlan);
    }

    /** {@code ImportPlan}. A write: gets a request_id when it has none, so a retry never makes a second plan. */
    public ImportPlanResponse importPlan(ImportPlanRequest request) {
        return calls.write(request, stub::importPlan);
    }

    /** {@code GetCalendarFeed}. A read: retried on UNAVAILABLE. */
    public GetCalendarFeedResponse getCalendarFeed(GetCalendarFeedRequest request) {
        return calls.read(request, stub::getCalendarFeed);
    }

    /** {@code CreateCalendarFeed}. A write with a request_id: a retry gets the same secret. */
    public CreateCalendarFeedResponse createCalendarFeed(CreateCalendarFeedRequest request) {
        return calls.write(request, stub::createCalendarFeed);
    }

    /** {@code RotateCalendarFeed}. A write with a request_id: a retry gets the same secret. */
    public RotateCalendarFeedResponse rotateCalendarFeed(RotateCalendarFeedRequest request) {
        return calls.write(request, stub::rotateCalendarFeed);
    }

    /** {@code RevokeCalendarFeed}. A write: gets a request_id when it has none. */
    public RevokeCalendarFeedResponse revokeCalendarFeed(RevokeCalendarFeedRequest request) {
        return calls.write(request, stub::revokeCalendarFeed);
    }

    /** {@code ReadCalendarFeed}: needs no token, the feed's secret is the credential. A read. */
    public ReadCalendarFeedResponse readCalendarFeed(ReadCalendarFeedRequest request) {
        return calls.read(request, stub::readCalendarFeed);
    }
}
