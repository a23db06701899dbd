package dev.ascent.client;

import dev.ascent.proto.tracker.v1.EndMentorshipRequest;
import dev.ascent.proto.tracker.v1.EndMentorshipResponse;
import dev.ascent.proto.tracker.v1.GetMentorshipRequest;
import dev.ascent.proto.tracker.v1.GetMentorshipResponse;
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
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.MentorshipService}: Mentor invitations and relationships.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#mentorship()}.
 */
public final class MentorshipClient {

    private final Calls calls;
    private final MentorshipServiceGrpc.MentorshipServiceBlockingStub stub;

    MentorshipClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = MentorshipServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public MentorshipServiceGrpc.MentorshipServiceBlockingStub stub() {
        return stub;
    }

    /** {@code InviteMentor}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public InviteMentorResponse inviteMentor(InviteMentorRequest request) {
        return calls.write(request, stub::inviteMentor);
    }

    /** {@code GetMentorship}. A read: retried on UNAVAILABLE. */
    public GetMentorshipResponse getMentorship(GetMentorshipRequest request) {
        return calls.read(request, stub::getMentorship);
    }

    /** {@code ListInvitations}. A read: retried on UNAVAILABLE. */
    public ListInvitationsResponse listInvitations(ListInvitationsRequest request) {
        return calls.read(request, stub::listInvitations);
    }

    /** {@code RespondToInvitation}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public RespondToInvitationResponse respondToInvitation(RespondToInvitationRequest request) {
        return calls.write(request, stub::respondToInvitation);
    }

    /** {@code EndMentorship}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public EndMentorshipResponse endMentorship(EndMentorshipRequest request) {
        return calls.write(request, stub::endMentorship);
    }

    /** {@code ListMentees}. A read: retried on UNAVAILABLE. */
    public ListMenteesResponse listMentees(ListMenteesRequest request) {
        return calls.read(request, stub::listMentees);
    }

    /** {@code ListMentors}. A read: retried on UNAVAILABLE. */
    public ListMentorsResponse listMentors(ListMentorsRequest request) {
        return calls.read(request, stub::listMentors);
    }
}
