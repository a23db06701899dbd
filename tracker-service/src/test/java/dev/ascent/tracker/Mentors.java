package dev.ascent.tracker;

import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;

import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.ActivityServiceGrpc;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.EndMentorshipRequest;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipServiceGrpc;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.PracticeServiceGrpc;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import io.grpc.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** Test users and mentorships on a tracker: who is whose mentor, in which state. */
public final class Mentors {

    /** A starter-catalog role the content service has without importing anything. */
    public static final String ROLE = "roles/senior-machine-learning-scientist";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public record User(String handle, String token) {
        public String name() {
            return "users/" + handle;
        }
    }

    private final Channel channel;

    /** Asserts the call fails with {@code code}, naming {@code what} when it does not. */
    public static void refused(io.grpc.Status.Code code, org.junit.jupiter.api.function.Executable call, String what) {
        try {
            call.execute();
        } catch (io.grpc.StatusRuntimeException e) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    code,
                    e.getStatus().getCode(),
                    () -> what + ": " + e.getStatus().getDescription());
            return;
        } catch (Throwable t) {
            throw new AssertionError(what + ": unexpected " + t, t);
        }
        throw new AssertionError(what + ": expected " + code + " but the call succeeded");
    }

    public Mentors(Channel channel) {
        this.channel = channel;
    }

    public User user(String prefix) {
        String handle = prefix + "-" + COUNTER.incrementAndGet();
        String token = as(AccountServiceGrpc.newBlockingStub(channel), ADMIN_TOKEN)
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(handle)
                        .setDisplayName("User " + handle)
                        .build())
                .getToken();
        return new User(handle, token);
    }

    public PlanServiceGrpc.PlanServiceBlockingStub plans(User u) {
        return as(PlanServiceGrpc.newBlockingStub(channel), u.token());
    }

    public ProgressServiceGrpc.ProgressServiceBlockingStub progress(User u) {
        return as(ProgressServiceGrpc.newBlockingStub(channel), u.token());
    }

    public PracticeServiceGrpc.PracticeServiceBlockingStub practice(User u) {
        return as(PracticeServiceGrpc.newBlockingStub(channel), u.token());
    }

    public MentorshipServiceGrpc.MentorshipServiceBlockingStub mentorships(User u) {
        return as(MentorshipServiceGrpc.newBlockingStub(channel), u.token());
    }

    public ReviewServiceGrpc.ReviewServiceBlockingStub reviews(User u) {
        return as(ReviewServiceGrpc.newBlockingStub(channel), u.token());
    }

    public ActivityServiceGrpc.ActivityServiceStub activity(User u) {
        return as(ActivityServiceGrpc.newStub(channel), u.token());
    }

    public Plan plan(User u) {
        return plans(u).createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(ROLE)
                        .setHoursPerWeek(6)
                        .build())
                .getPlan();
    }

    public Mentorship invite(User mentee, User mentor) {
        return mentorships(mentee)
                .inviteMentor(InviteMentorRequest.newBuilder()
                        .setMentor(mentor.name())
                        .setMessage("Would you mentor me?")
                        .build())
                .getMentorship();
    }

    public Mentorship activate(User mentee, User mentor) {
        Mentorship m = invite(mentee, mentor);
        return mentorships(mentor)
                .respondToInvitation(RespondToInvitationRequest.newBuilder()
                        .setName(m.getName())
                        .setAccept(true)
                        .build())
                .getMentorship();
    }

    public Mentorship end(User by, Mentorship m) {
        return mentorships(by)
                .endMentorship(
                        EndMentorshipRequest.newBuilder().setName(m.getName()).build())
                .getMentorship();
    }
}
