package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.ascent.client.AscentException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

/** What a refused form says on top of its page, for answers the tracker gives with a reason. */
class ErrorPagesTest {

    private static AscentException failedPrecondition(String reason, String description) {
        return AscentException.from(StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage(description)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain("ascent.dev")
                        .build()))
                .build()));
    }

    /** The tracker names the API flag; the page names the checkbox that sets it. */
    @Test
    void aRefusalToReopenAVerifiedItemIsToldInTheFormsWords() {
        String message = ErrorPages.messageOf(
                failedPrecondition(
                        "ITEM_VERIFIED",
                        "users/a/plans/1/items/2 was "
                                + "verified by users/m; moving it out of DONE withdraws that approval (set allow_reopen_verified)"));
        assertTrue(message.startsWith("Nothing changed: a mentor verified this item"), message);
        assertTrue(
                message.contains("\"Withdraw the approval\"") && !message.contains("allow_reopen_verified"), message);
    }

    @Test
    void otherPreconditionsKeepTheTrackersDescription() {
        assertEquals("plan is archived", ErrorPages.messageOf(failedPrecondition("PLAN_ARCHIVED", "plan is archived")));
    }
}
