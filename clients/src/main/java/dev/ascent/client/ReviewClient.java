package dev.ascent.client;

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
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.ReviewService}: Mentor reviews and item comment threads.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#reviews()}.
 */
public final class ReviewClient {

    private final Calls calls;
    private final ReviewServiceGrpc.ReviewServiceBlockingStub stub;

    ReviewClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = ReviewServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public ReviewServiceGrpc.ReviewServiceBlockingStub stub() {
        return stub;
    }

    /** {@code RequestReview}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public RequestReviewResponse requestReview(RequestReviewRequest request) {
        return calls.write(request, stub::requestReview);
    }

    /** {@code GetReviewRequest}. A read: retried on UNAVAILABLE. */
    public GetReviewRequestResponse getReviewRequest(GetReviewRequestRequest request) {
        return calls.read(request, stub::getReviewRequest);
    }

    /** {@code ListReviewRequests}. A read: retried on UNAVAILABLE. */
    public ListReviewRequestsResponse listReviewRequests(ListReviewRequestsRequest request) {
        return calls.read(request, stub::listReviewRequests);
    }

    /** {@code SubmitReview}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public SubmitReviewResponse submitReview(SubmitReviewRequest request) {
        return calls.write(request, stub::submitReview);
    }

    /** {@code CancelReviewRequest}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CancelReviewRequestResponse cancelReviewRequest(CancelReviewRequestRequest request) {
        return calls.write(request, stub::cancelReviewRequest);
    }

    /** {@code AddComment}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public AddCommentResponse addComment(AddCommentRequest request) {
        return calls.write(request, stub::addComment);
    }

    /** {@code ListComments}. A read: retried on UNAVAILABLE. */
    public ListCommentsResponse listComments(ListCommentsRequest request) {
        return calls.read(request, stub::listComments);
    }
}
