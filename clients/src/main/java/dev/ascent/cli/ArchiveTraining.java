package dev.ascent.cli;

import com.google.protobuf.Timestamp;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.GetCurrentUserResponse;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanResponse;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListPlansResponse;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.ReviewServiceGrpc;
import dev.ascent.proto.tracker.v1.User;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.okhttp.OkHttpServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run for the CLI's class-data archive ({@code dev.ascent.common.ClassDataArchive}, run by
 * {@code mvn package}): commands as a user runs them, over a real gRPC connection to a server on a loopback port.
 * The server answers the calls of {@code whoami} and {@code plan show} with a small plan, so the archive holds
 * everything those two load down to printing the table; other calls get UNIMPLEMENTED, which still takes the whole
 * HTTP/2 round trip and the error path.
 */
public final class ArchiveTraining {

    private static final String USER = "users/training";

    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.SERVING);
        Server server = OkHttpServerBuilder.forPort(
                        new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
                .addService(health.getHealthService())
                .addService(new Accounts())
                .addService(new Plans())
                .addService(new Reviews())
                .build()
                .start();
        try {
            String target = "127.0.0.1:" + server.getPort();
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            Cli cli = new Cli(
                    Map.of(
                            "ASCENT_CONTENT_TARGET",
                            target,
                            "ASCENT_TRACKER_TARGET",
                            target,
                            "ASCENT_TOKEN",
                            "class-data-archive",
                            "ASCENT_CONFIG",
                            "/nonexistent/ascent-config"),
                    sink,
                    sink,
                    InputStream.nullInputStream(),
                    false);
            for (String[] command : new String[][] {
                {"health"}, {"whoami"}, {"plan", "show"}, {"progress"}, {"plan", "list"}, {"roles"}, {"--help"}
            }) {
                AscentCli.run(cli, command);
            }
            // What asks a terminal for its width: no terminal here, but the same classes start the same process.
            Cli.sttyWidth(new java.io.File("/dev/null"));
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Plan plan(boolean withItems) {
        String name = USER + "/plans/4194304";
        Timestamp now = Timestamp.newBuilder()
                .setSeconds(System.currentTimeMillis() / 1000)
                .build();
        Plan.Builder plan = Plan.newBuilder()
                .setName(name)
                .setTitle("Path to Staff Engineer")
                .setTargetRole("roles/staff-engineer")
                .setRoleTitle("Staff Engineer")
                .setHoursPerWeek(6)
                .setStartDate("2026-01-05")
                .setScheduledEndDate("2026-06-01")
                .setScheduleNote("At 6 h a week the open items take until 2026-06-01 (week 22).")
                .setCreateTime(now)
                .setUpdateTime(now);
        if (withItems) {
            PlanItemStatus[] statuses = {
                PlanItemStatus.PLAN_ITEM_STATUS_DONE,
                PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS,
                PlanItemStatus.PLAN_ITEM_STATUS_TODO
            };
            for (int i = 0; i < statuses.length; i++) {
                plan.addItems(PlanItem.newBuilder()
                        .setName(name + "/items/" + (4194305 + i))
                        .setKind(PlanItemKind.PLAN_ITEM_KIND_SKILL_GAP)
                        .setTitle("Item " + (i + 1))
                        .setEstimatedMinutes(90 * (i + 1))
                        .setWeek(i + 1)
                        .setDueDate("2026-01-1" + i)
                        .setStatus(statuses[i])
                        .setVerified(i == 0)
                        .setLoggedMinutes(45L * i)
                        .setPosition(i + 1));
            }
        }
        return plan.build();
    }

    private static final class Accounts extends AccountServiceGrpc.AccountServiceImplBase {
        @Override
        public void getCurrentUser(GetCurrentUserRequest request, StreamObserver<GetCurrentUserResponse> response) {
            response.onNext(GetCurrentUserResponse.newBuilder()
                    .setUser(User.newBuilder()
                            .setName(USER)
                            .setHandle("training")
                            .setDisplayName("Class Data"))
                    .build());
            response.onCompleted();
        }
    }

    private static final class Plans extends PlanServiceGrpc.PlanServiceImplBase {
        @Override
        public void getPlan(GetPlanRequest request, StreamObserver<GetPlanResponse> response) {
            response.onNext(GetPlanResponse.newBuilder().setPlan(plan(true)).build());
            response.onCompleted();
        }

        @Override
        public void listPlans(ListPlansRequest request, StreamObserver<ListPlansResponse> response) {
            response.onNext(ListPlansResponse.newBuilder().addPlans(plan(false)).build());
            response.onCompleted();
        }
    }

    private static final class Reviews extends ReviewServiceGrpc.ReviewServiceImplBase {
        @Override
        public void listReviewRequests(
                ListReviewRequestsRequest request, StreamObserver<ListReviewRequestsResponse> response) {
            response.onNext(ListReviewRequestsResponse.newBuilder()
                    .addReviewRequests(ReviewRequest.newBuilder()
                            .setName("reviewRequests/4194400")
                            .setTarget(plan(true).getItems(1).getName())
                            .setTargetTitle("Item 2")
                            .setMentee(USER)
                            .setMentor("users/mentor")
                            .setState(ReviewRequestState.REVIEW_REQUEST_STATE_CHANGES_REQUESTED)
                            .setDecisionComment("Add the numbers."))
                    .build());
            response.onCompleted();
        }
    }
}
