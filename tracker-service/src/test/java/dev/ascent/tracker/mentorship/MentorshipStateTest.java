package dev.ascent.tracker.mentorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.ErrorKind;
import dev.ascent.tracker.mentorship.MentorshipState.Role;
import org.junit.jupiter.api.Test;

class MentorshipStateTest {

    private static ErrorKind refusal(Runnable move) {
        return assertThrows(ApiException.class, move::run).kind();
    }

    @Test
    void theInvitedMentorAcceptsOrDeclinesAPendingInvitation() {
        assertEquals(MentorshipState.ACTIVE, MentorshipState.PENDING.respond(Role.MENTOR, true));
        assertEquals(MentorshipState.DECLINED, MentorshipState.PENDING.respond(Role.MENTOR, false));
    }

    @Test
    void theMenteeCannotAnswerTheirOwnInvitation() {
        assertEquals(ErrorKind.PERMISSION_DENIED, refusal(() -> MentorshipState.PENDING.respond(Role.MENTEE, true)));
    }

    @Test
    void onlyPendingInvitationsCanBeAnswered() {
        for (MentorshipState s :
                new MentorshipState[] {MentorshipState.ACTIVE, MentorshipState.DECLINED, MentorshipState.ENDED}) {
            assertEquals(ErrorKind.FAILED_PRECONDITION, refusal(() -> s.respond(Role.MENTOR, true)), s::name);
        }
    }

    @Test
    void eitherSideEndsAnActiveMentorship() {
        assertEquals(MentorshipState.ENDED, MentorshipState.ACTIVE.end(Role.MENTOR));
        assertEquals(MentorshipState.ENDED, MentorshipState.ACTIVE.end(Role.MENTEE));
    }

    @Test
    void theMenteeWithdrawsAPendingInvitationButTheMentorDeclinesIt() {
        assertEquals(MentorshipState.ENDED, MentorshipState.PENDING.end(Role.MENTEE));
        assertEquals(ErrorKind.FAILED_PRECONDITION, refusal(() -> MentorshipState.PENDING.end(Role.MENTOR)));
    }

    @Test
    void declinedAndEndedAreFinal() {
        for (MentorshipState s : new MentorshipState[] {MentorshipState.DECLINED, MentorshipState.ENDED}) {
            for (Role r : Role.values()) {
                assertEquals(ErrorKind.FAILED_PRECONDITION, refusal(() -> s.end(r)), s + " " + r);
            }
        }
    }
}
