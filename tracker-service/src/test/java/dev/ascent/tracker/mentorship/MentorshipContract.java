package dev.ascent.tracker.mentorship;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.EndMentorshipRequest;
import dev.ascent.proto.tracker.v1.GetMentorshipRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListMentorsRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.MenteeSummary;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.MentorshipState;
import dev.ascent.proto.tracker.v1.Pace;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.Mentors.User;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The invitation state machine over a real channel; runs once per database engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MentorshipContract {

    private TrackerHarness tracker;
    private Mentors m;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        m = new Mentors(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void anInvitationIsAcceptedThenEndedBySide() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        User stranger = m.user("sam");
        Mentorship pending = m.invite(mentee, mentor);
        assertEquals(MentorshipState.MENTORSHIP_STATE_PENDING, pending.getState());
        assertEquals(mentor.name(), pending.getMentor());
        assertEquals("Would you mentor me?", pending.getMessage());

        var received = m.mentorships(mentor)
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                        .setState(MentorshipState.MENTORSHIP_STATE_PENDING)
                        .build());
        assertEquals(pending.getName(), received.getMentorships(0).getName());
        assertEquals(1, received.getTotalSize());
        assertEquals(
                0,
                m.mentorships(mentee)
                        .listInvitations(ListInvitationsRequest.newBuilder()
                                .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                                .build())
                        .getMentorshipsCount());

        RespondToInvitationRequest accept = RespondToInvitationRequest.newBuilder()
                .setName(pending.getName())
                .setAccept(true)
                .build();
        assertStatus(Status.Code.PERMISSION_DENIED, () -> m.mentorships(mentee).respondToInvitation(accept));
        assertStatus(Status.Code.NOT_FOUND, () -> m.mentorships(stranger).respondToInvitation(accept));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> m.mentorships(stranger)
                        .getMentorship(GetMentorshipRequest.newBuilder()
                                .setName(pending.getName())
                                .build()));
        assertStatus(
                Status.Code.ABORTED,
                () -> m.mentorships(mentor)
                        .respondToInvitation(accept.toBuilder().setEtag("m99").build()));

        Mentorship active = m.mentorships(mentor)
                .respondToInvitation(
                        accept.toBuilder().setEtag(pending.getEtag()).build())
                .getMentorship();
        assertEquals(MentorshipState.MENTORSHIP_STATE_ACTIVE, active.getState());
        assertTrue(active.hasRespondTime());
        assertStatus(
                Status.Code.FAILED_PRECONDITION, () -> m.mentorships(mentor).respondToInvitation(accept));
        assertEquals(
                active.getName(),
                m.mentorships(mentee)
                        .listMentors(ListMentorsRequest.getDefaultInstance())
                        .getMentorships(0)
                        .getName());
        assertEquals(
                mentee.name(),
                m.mentorships(mentor)
                        .listMentees(ListMenteesRequest.getDefaultInstance())
                        .getMentees(0)
                        .getMentee());
        assertEquals(
                1,
                m.mentorships(mentee)
                        .listMentors(ListMentorsRequest.getDefaultInstance())
                        .getTotalSize());

        EndMentorshipRequest end =
                EndMentorshipRequest.newBuilder().setName(active.getName()).build();
        assertStatus(Status.Code.NOT_FOUND, () -> m.mentorships(stranger).endMentorship(end));
        Mentorship ended = m.mentorships(mentor).endMentorship(end).getMentorship();
        assertEquals(MentorshipState.MENTORSHIP_STATE_ENDED, ended.getState());
        assertEquals(mentor.name(), ended.getEndedBy());
        assertStatus(
                Status.Code.FAILED_PRECONDITION, () -> m.mentorships(mentee).endMentorship(end));
        assertEquals(
                0,
                m.mentorships(mentor)
                        .listMentees(ListMenteesRequest.getDefaultInstance())
                        .getMenteesCount());
        assertEquals(
                0,
                m.mentorships(mentor)
                        .listMentees(ListMenteesRequest.getDefaultInstance())
                        .getTotalSize());
        // Once ended, the pair may start again.
        assertEquals(
                MentorshipState.MENTORSHIP_STATE_PENDING,
                m.invite(mentee, mentor).getState());
    }

    /**
     * A page of mentee rows (computed in a fixed number of batched queries) equals what each mentee's plans'
     * progress summaries give one by one: plan count, percent complete weighted by counted estimated minutes,
     * the worst pace, this week's minutes, and the open review requests to this mentor.
     */
    @Test
    void menteeRowsFoldEachPlansProgressSummary() {
        User mentor = m.user("folder");
        List<User> mentees = List.of(m.user("fold-a"), m.user("fold-b"), m.user("fold-c"), m.user("fold-d"));
        for (User mentee : mentees) {
            m.activate(mentee, mentor);
        }
        // a: two plans, one far east (another "today"), items done and skipped, time logged
        Plan a1 = m.plan(mentees.get(0));
        Plan a2 = m.plans(mentees.get(0))
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole(Mentors.ROLE)
                        .setHoursPerWeek(3)
                        .setTimeZone("Pacific/Kiritimati")
                        .build())
                .getPlan();
        status(mentees.get(0), a1.getItems(0), PlanItemStatus.PLAN_ITEM_STATUS_DONE);
        status(mentees.get(0), a1.getItems(1), PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED);
        status(mentees.get(0), a2.getItems(2), PlanItemStatus.PLAN_ITEM_STATUS_DONE);
        m.plans(mentees.get(0))
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(a1.getItems(0).getName())
                        .setMinutes(25)
                        .build());
        m.plans(mentees.get(0))
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(a2.getItems(1).getName())
                        .setMinutes(40)
                        .build());
        // b: an archived plan (left out) and an active one with every item done
        Plan b1 = m.plan(mentees.get(1));
        m.plans(mentees.get(1))
                .updatePlan(UpdatePlanRequest.newBuilder()
                        .setPlan(Plan.newBuilder().setName(b1.getName()).setArchived(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("archived"))
                        .build());
        Plan b2 = m.plan(mentees.get(1));
        for (PlanItem item : b2.getItemsList()) {
            status(mentees.get(1), item, PlanItemStatus.PLAN_ITEM_STATUS_DONE);
        }
        // c: one untouched plan; d: no plan at all
        m.plan(mentees.get(2));

        List<MenteeSummary> rows = m.mentorships(mentor)
                .listMentees(ListMenteesRequest.getDefaultInstance())
                .getMenteesList();
        assertEquals(
                mentees.stream().map(User::name).sorted().toList(),
                rows.stream().map(MenteeSummary::getMentee).toList());
        for (MenteeSummary row : rows) {
            User mentee = mentees.stream()
                    .filter(u -> u.name().equals(row.getMentee()))
                    .findFirst()
                    .orElseThrow();
            List<Plan> plans = m.plans(mentee)
                    .listPlans(ListPlansRequest.getDefaultInstance())
                    .getPlansList();
            double weighted = 0;
            long weights = 0;
            long week = 0;
            Pace worst = Pace.PACE_UNSPECIFIED;
            for (Plan plan : plans) {
                ProgressSummary s = m.progress(mentee)
                        .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                .setPlan(plan.getName())
                                .build())
                        .getProgressSummary();
                long w = m
                        .plans(mentee)
                        .getPlan(GetPlanRequest.newBuilder()
                                .setName(plan.getName())
                                .build())
                        .getPlan()
                        .getItemsList()
                        .stream()
                        .filter(i -> i.getStatus() != PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED)
                        .mapToLong(PlanItem::getEstimatedMinutes)
                        .sum();
                weighted += s.getPercentComplete() * w;
                weights += w;
                week += s.getMinutesThisWeek();
                worst = s.getPace().getNumber() > worst.getNumber() ? s.getPace() : worst;
            }
            String who = row.getMentee();
            assertEquals(plans.size(), row.getPlanCount(), who);
            assertEquals(
                    weights == 0 ? 0 : Math.round(10.0 * weighted / weights) / 10.0, row.getPercentComplete(), who);
            assertEquals(worst, row.getPace(), who);
            assertEquals(week, row.getMinutesThisWeek(), who);
            assertEquals(0, row.getAwaitingReviewCount(), who);
            assertEquals(true, row.hasLastActivityTime(), who + ": invitations and plans are activity");
        }
        assertEquals(65, rows.get(0).getMinutesThisWeek());
        assertEquals(100.0, rows.get(1).getPercentComplete());
        assertEquals(0, rows.get(3).getPlanCount());
    }

    private void status(User u, PlanItem item, PlanItemStatus status) {
        m.plans(u)
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(item.toBuilder().clearEtag().setStatus(status))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                        .build());
    }

    @Test
    void badAndDuplicateInvitationsAreRefused() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        assertInvalidField(
                "mentor",
                () -> m.mentorships(mentee)
                        .inviteMentor(InviteMentorRequest.newBuilder()
                                .setMentor(mentee.name())
                                .build()));
        assertInvalidField(
                "mentor",
                () -> m.mentorships(mentee)
                        .inviteMentor(InviteMentorRequest.newBuilder()
                                .setMentor("people/x")
                                .build()));
        assertInvalidField(
                "message",
                () -> m.mentorships(mentee)
                        .inviteMentor(InviteMentorRequest.newBuilder()
                                .setMentor(mentor.name())
                                .setMessage("x".repeat(1001))
                                .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> m.mentorships(mentee)
                        .inviteMentor(InviteMentorRequest.newBuilder()
                                .setMentor("users/nobody-here")
                                .build()));
        // A bare handle is accepted too.
        Mentorship first = m.mentorships(mentee)
                .inviteMentor(InviteMentorRequest.newBuilder()
                        .setMentor(mentor.handle())
                        .build())
                .getMentorship();
        assertStatus(Status.Code.ALREADY_EXISTS, () -> m.invite(mentee, mentor));
        Mentors.refused(Status.Code.ALREADY_EXISTS, () -> m.invite(mentor, mentee), "in either direction");
        m.mentorships(mentor)
                .respondToInvitation(RespondToInvitationRequest.newBuilder()
                        .setName(first.getName())
                        .setAccept(true)
                        .build());
        assertStatus(Status.Code.ALREADY_EXISTS, () -> m.invite(mentee, mentor));
    }

    @Test
    void aDeclinedInvitationIsFinalAndAPendingOneCanBeWithdrawn() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        Mentorship invited = m.invite(mentee, mentor);
        Mentors.refused(Status.Code.FAILED_PRECONDITION, () -> m.end(mentor, invited), "the mentor declines instead");
        Mentorship declined = m.mentorships(mentor)
                .respondToInvitation(RespondToInvitationRequest.newBuilder()
                        .setName(invited.getName())
                        .setAccept(false)
                        .build())
                .getMentorship();
        assertEquals(MentorshipState.MENTORSHIP_STATE_DECLINED, declined.getState());
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> m.end(mentee, declined));

        Mentorship again = m.invite(mentee, mentor);
        Mentorship withdrawn = m.end(mentee, again);
        assertEquals(MentorshipState.MENTORSHIP_STATE_ENDED, withdrawn.getState());
        assertEquals(mentee.name(), withdrawn.getEndedBy());
    }

    @Test
    void everyPageOfMenteesAndInvitationsCountsTheWholeList() {
        User mentor = m.user("max");
        m.activate(m.user("mia"), mentor);
        m.activate(m.user("moe"), mentor);
        m.activate(m.user("mel"), mentor);
        m.invite(m.user("pat"), mentor);
        var page1 = m.mentorships(mentor)
                .listMentees(ListMenteesRequest.newBuilder().setPageSize(2).build());
        assertEquals(2, page1.getMenteesCount());
        assertEquals(3, page1.getTotalSize(), "every active mentee, not the page");
        var page2 = m.mentorships(mentor)
                .listMentees(ListMenteesRequest.newBuilder()
                        .setPageSize(2)
                        .setPageToken(page1.getNextPageToken())
                        .build());
        assertEquals(1, page2.getMenteesCount());
        assertEquals(3, page2.getTotalSize(), "counted on every page");
        ListInvitationsRequest received = ListInvitationsRequest.newBuilder()
                .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                .setPageSize(1)
                .build();
        assertEquals(4, m.mentorships(mentor).listInvitations(received).getTotalSize(), "any state");
        assertEquals(
                1,
                m.mentorships(mentor)
                        .listInvitations(received.toBuilder()
                                .setState(MentorshipState.MENTORSHIP_STATE_PENDING)
                                .build())
                        .getTotalSize(),
                "the total follows the state filter");
    }

    @Test
    void retriedInvitationsWithOneRequestIdMakeOne() {
        User mentee = m.user("mia");
        User mentor = m.user("max");
        InviteMentorRequest request = InviteMentorRequest.newBuilder()
                .setMentor(mentor.name())
                .setRequestId("invite-once")
                .build();
        String first =
                m.mentorships(mentee).inviteMentor(request).getMentorship().getName();
        assertEquals(
                first,
                m.mentorships(mentee).inviteMentor(request).getMentorship().getName());
    }
}
