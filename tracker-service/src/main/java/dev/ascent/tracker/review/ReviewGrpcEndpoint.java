package dev.ascent.tracker.review;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.common.grpc.ResourceName;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.AddCommentResponse;
import dev.ascent.proto.tracker.v1.CancelReviewRequestRequest;
import dev.ascent.proto.tracker.v1.CancelReviewRequestResponse;
import dev.ascent.proto.tracker.v1.GetReviewRequestRequest;
import dev.ascent.proto.tracker.v1.GetReviewRequestResponse;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.ListCommentsResponse;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsResponse;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.RequestReviewResponse;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewResponse;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;

/** The gRPC edge of {@code ascent.tracker.v1.ReviewService}. */
@Singleton
public class ReviewGrpcEndpoint extends ReviewServiceGrpc.ReviewServiceImplBase {

    private static final ResourceName REVIEW_REQUEST = ResourceName.of("reviewRequests/{id}", ResourceName.ID);

    private final Authenticator auth;
    private final ReviewService reviews;
    private final ReviewDecisions decisions;
    private final ReviewQueue queue;
    private final CommentService comments;
    private final Idempotency idempotency;

    public ReviewGrpcEndpoint(
            Authenticator auth,
            ReviewService reviews,
            ReviewDecisions decisions,
            ReviewQueue queue,
            CommentService comments,
            Idempotency idempotency) {
        this.auth = auth;
        this.reviews = reviews;
        this.decisions = decisions;
        this.queue = queue;
        this.comments = comments;
        this.idempotency = idempotency;
    }

    @Override
    public void requestReview(RequestReviewRequest request, StreamObserver<RequestReviewResponse> response) {
        Caller caller = auth.require();
        ReviewService.RequestReview command = ReviewRequests.request(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "RequestReview",
                        RequestReviewResponse.parser(),
                        () -> RequestReviewResponse.newBuilder()
                                .setReviewRequest(ReviewProtoMapper.request(reviews.request(caller, command)))
                                .build()));
    }

    @Override
    public void getReviewRequest(GetReviewRequestRequest request, StreamObserver<GetReviewRequestResponse> response) {
        Caller caller = auth.require();
        long id = id(request.getName());
        reply(
                response,
                GetReviewRequestResponse.newBuilder()
                        .setReviewRequest(ReviewProtoMapper.request(reviews.get(caller, id)))
                        .build());
    }

    @Override
    public void listReviewRequests(
            ListReviewRequestsRequest request, StreamObserver<ListReviewRequestsResponse> response) {
        Caller caller = auth.require();
        if (request.getState() == ReviewRequestState.UNRECOGNIZED) {
            throw ApiException.invalid("state", "is not a known state");
        }
        int size = PageRequest.size(request.getPageSize());
        ReviewQueue.Filter filter = new ReviewQueue.Filter(
                request.getMentee().isEmpty() ? null : ReviewRequests.handle(request.getMentee(), "mentee"),
                request.getMentor().isEmpty() ? null : ReviewRequests.handle(request.getMentor(), "mentor"),
                ReviewProtoMapper.state(request.getState()));
        Page<ReviewView> page = queue.list(caller, filter, size, request.getPageToken());
        ListReviewRequestsResponse.Builder out = ListReviewRequestsResponse.newBuilder()
                .setNextPageToken(page.nextPageToken())
                .setTotalSize(page.totalSize());
        page.items().forEach(v -> out.addReviewRequests(ReviewProtoMapper.request(v)));
        reply(response, out.build());
    }

    @Override
    public void submitReview(SubmitReviewRequest request, StreamObserver<SubmitReviewResponse> response) {
        Caller caller = auth.require();
        long id = id(request.getName());
        ReviewDecisions.Decision decision = ReviewRequests.decision(request);
        List<ReviewDecisions.Score> scores = ReviewRequests.scores(request);
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "SubmitReview",
                        SubmitReviewResponse.parser(),
                        () -> SubmitReviewResponse.newBuilder()
                                .setReviewRequest(ReviewProtoMapper.request(decisions.submit(
                                        caller,
                                        id,
                                        decision,
                                        request.getComment().strip(),
                                        scores,
                                        request.getEtag())))
                                .build()));
    }

    @Override
    public void cancelReviewRequest(
            CancelReviewRequestRequest request, StreamObserver<CancelReviewRequestResponse> response) {
        Caller caller = auth.require();
        long id = id(request.getName());
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "CancelReviewRequest",
                        CancelReviewRequestResponse.parser(),
                        () -> CancelReviewRequestResponse.newBuilder()
                                .setReviewRequest(
                                        ReviewProtoMapper.request(reviews.cancel(caller, id, request.getEtag())))
                                .build()));
    }

    @Override
    public void addComment(AddCommentRequest request, StreamObserver<AddCommentResponse> response) {
        Caller caller = auth.require();
        Names.ItemName item = Names.item(request.getParent(), "parent");
        new Validator()
                .required(request.getBody(), "body")
                .maxLength(request.getBody(), CommentService.MAX_BODY, "body")
                .throwIfInvalid();
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "AddComment",
                        AddCommentResponse.parser(),
                        () -> AddCommentResponse.newBuilder()
                                .setComment(ReviewProtoMapper.comment(comments.add(caller, item, request.getBody())))
                                .build()));
    }

    @Override
    public void listComments(ListCommentsRequest request, StreamObserver<ListCommentsResponse> response) {
        Caller caller = auth.require();
        Names.ItemName item = Names.item(request.getParent(), "parent");
        String query = "comments:" + item.name();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        Page<CommentService.CommentView> shown =
                page.page(comments.list(caller, item, page.fetchSize(), page.offset(), 0));
        ListCommentsResponse.Builder out = ListCommentsResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items().forEach(c -> out.addComments(ReviewProtoMapper.comment(c)));
        reply(response, out.build());
    }

    private static long id(String name) {
        return REVIEW_REQUEST.parse(name, "name").id("id");
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
