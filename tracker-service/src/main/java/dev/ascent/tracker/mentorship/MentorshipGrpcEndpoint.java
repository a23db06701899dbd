package dev.ascent.tracker.mentorship;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.proto.tracker.v1.EndMentorshipRequest;
import dev.ascent.proto.tracker.v1.EndMentorshipResponse;
import dev.ascent.proto.tracker.v1.GetMentorshipRequest;
import dev.ascent.proto.tracker.v1.GetMentorshipResponse;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.InviteMentorResponse;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListInvitationsResponse;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListMenteesResponse;
import dev.ascent.proto.tracker.v1.ListMentorsRequest;
import dev.ascent.proto.tracker.v1.ListMentorsResponse;
import dev.ascent.proto.tracker.v1.MentorshipServiceGrpc;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.RespondToInvitationResponse;
import dev.ascent.tracker.account.Authenticator;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** The gRPC edge of {@code ascent.tracker.v1.MentorshipService}. */
@Singleton
public class MentorshipGrpcEndpoint extends MentorshipServiceGrpc.MentorshipServiceImplBase {

    private final Authenticator auth;
    private final MentorshipService mentorships;
    private final MenteeSummaries mentees;
    private final Idempotency idempotency;

    public MentorshipGrpcEndpoint(
            Authenticator auth, MentorshipService mentorships, MenteeSummaries mentees, Idempotency idempotency) {
        this.auth = auth;
        this.mentorships = mentorships;
        this.mentees = mentees;
        this.idempotency = idempotency;
    }

    @Override
    public void inviteMentor(InviteMentorRequest request, StreamObserver<InviteMentorResponse> response) {
        Caller caller = auth.require();
        String handle = Names.userOrHandle(request.getMentor(), "mentor");
        new Validator()
                .maxLength(request.getMessage(), MentorshipService.MAX_MESSAGE, "message")
                .throwIfInvalid();
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "InviteMentor",
                        InviteMentorResponse.parser(),
                        () -> InviteMentorResponse.newBuilder()
                                .setMentorship(MentorshipProtoMapper.mentorship(
                                        mentorships.invite(caller, handle, request.getMessage())))
                                .build()));
    }

    @Override
    public void getMentorship(GetMentorshipRequest request, StreamObserver<GetMentorshipResponse> response) {
        Caller caller = auth.require();
        long id = MentorshipNames.parse(request.getName(), "name");
        reply(
                response,
                GetMentorshipResponse.newBuilder()
                        .setMentorship(MentorshipProtoMapper.mentorship(mentorships.get(caller, id)))
                        .build());
    }

    @Override
    public void listInvitations(ListInvitationsRequest request, StreamObserver<ListInvitationsResponse> response) {
        Caller caller = auth.require();
        if (request.getDirection() == InvitationDirection.UNRECOGNIZED) {
            throw ApiException.invalid("direction", "is not a known direction");
        }
        if (request.getState() == dev.ascent.proto.tracker.v1.MentorshipState.UNRECOGNIZED) {
            throw ApiException.invalid("state", "is not a known state");
        }
        MentorshipQueries.Side side = switch (request.getDirection()) {
            case INVITATION_DIRECTION_RECEIVED -> MentorshipQueries.Side.MENTOR;
            case INVITATION_DIRECTION_SENT -> MentorshipQueries.Side.MENTEE;
            default -> MentorshipQueries.Side.EITHER;
        };
        MentorshipState state = MentorshipProtoMapper.state(request.getState());
        String query = "invitations:" + side + ":" + state;
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), query);
        Page<MentorshipView> shown =
                page.page(mentorships.invitations(caller, side, state, page.fetchSize(), page.offset()));
        ListInvitationsResponse.Builder out = ListInvitationsResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setTotalSize(shown.totalSize());
        shown.items().forEach(v -> out.addMentorships(MentorshipProtoMapper.mentorship(v)));
        reply(response, out.build());
    }

    @Override
    public void respondToInvitation(
            RespondToInvitationRequest request, StreamObserver<RespondToInvitationResponse> response) {
        Caller caller = auth.require();
        long id = MentorshipNames.parse(request.getName(), "name");
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "RespondToInvitation",
                        RespondToInvitationResponse.parser(),
                        () -> RespondToInvitationResponse.newBuilder()
                                .setMentorship(MentorshipProtoMapper.mentorship(
                                        mentorships.respond(caller, id, request.getAccept(), request.getEtag())))
                                .build()));
    }

    @Override
    public void endMentorship(EndMentorshipRequest request, StreamObserver<EndMentorshipResponse> response) {
        Caller caller = auth.require();
        long id = MentorshipNames.parse(request.getName(), "name");
        reply(
                response,
                idempotency.run(
                        caller,
                        request.getRequestId(),
                        "EndMentorship",
                        EndMentorshipResponse.parser(),
                        () -> EndMentorshipResponse.newBuilder()
                                .setMentorship(MentorshipProtoMapper.mentorship(
                                        mentorships.end(caller, id, request.getEtag())))
                                .build()));
    }

    @Override
    public void listMentees(ListMenteesRequest request, StreamObserver<ListMenteesResponse> response) {
        Caller caller = auth.require();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "mentees");
        Page<MenteeSummaries.Row> shown = page.page(mentees.list(caller, page.fetchSize(), page.offset()));
        ListMenteesResponse.Builder out = ListMenteesResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setTotalSize(shown.totalSize());
        shown.items().forEach(r -> out.addMentees(MentorshipProtoMapper.mentee(r)));
        reply(response, out.build());
    }

    @Override
    public void listMentors(ListMentorsRequest request, StreamObserver<ListMentorsResponse> response) {
        Caller caller = auth.require();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "mentors");
        Page<MentorshipView> shown = page.page(mentorships.mentors(caller, page.fetchSize(), page.offset()));
        ListMentorsResponse.Builder out = ListMentorsResponse.newBuilder()
                .setNextPageToken(shown.nextPageToken())
                .setTotalSize(shown.totalSize());
        shown.items().forEach(v -> out.addMentorships(MentorshipProtoMapper.mentorship(v)));
        reply(response, out.build());
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
