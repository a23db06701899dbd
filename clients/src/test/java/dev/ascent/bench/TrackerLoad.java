package dev.ascent.bench;

import com.google.protobuf.FieldMask;
import dev.ascent.common.testing.Bearer;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanServiceGrpc;
import dev.ascent.proto.tracker.v1.ProgressServiceGrpc;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A mixed load against a running tracker (and the content service it builds plans from): many users at once,
 * reads (GetPlan 40 %, GetProgressSummary 30 %) and writes (UpdatePlanItem 15 %, LogTime 15 %). Prints throughput and
 * p50/p95/p99 per call as Markdown. Run {@code bench/tracker-load.sh} against {@code ./ascent up}.
 *
 * <p>Settings (system properties): {@code tracker} (localhost:50052), {@code token} (admin token; default read from
 * $ASCENT_HOME/admin-token), {@code users} (20), {@code threads} (16), {@code seconds} (20), {@code role}.
 */
public final class TrackerLoad {

    enum Op {
        GET_PLAN,
        GET_PROGRESS,
        UPDATE_ITEM,
        LOG_TIME
    }

    record User(String token, Plan plan) {}

    public static void main(String[] args) throws Exception {
        String target = System.getProperty("tracker", "localhost:50052");
        String adminToken = System.getProperty(
                "token",
                Files.readString(Path.of(
                                System.getenv()
                                        .getOrDefault("ASCENT_HOME", System.getProperty("user.home") + "/.ascent"),
                                "admin-token"))
                        .strip());
        int userCount = Integer.getInteger("users", 20);
        int threads = Integer.getInteger("threads", 16);
        int seconds = Integer.getInteger("seconds", 20);
        String role = System.getProperty("role", "roles/senior-machine-learning-engineer");
        ManagedChannel channel =
                NettyChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            List<User> users = new ArrayList<>();
            var admin = AccountServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(adminToken));
            for (int i = 0; i < userCount; i++) {
                String token = admin.createUser(CreateUserRequest.newBuilder()
                                .setHandle("load-" + run + "-" + i)
                                .setDisplayName("Load " + i)
                                .build())
                        .getToken();
                Plan plan = PlanServiceGrpc.newBlockingStub(channel)
                        .withCallCredentials(bearer(token))
                        .createPlan(CreatePlanRequest.newBuilder()
                                .setTargetRole(role)
                                .setHoursPerWeek(8)
                                .build())
                        .getPlan();
                users.add(new User(token, plan));
            }
            Map<Op, ConcurrentLinkedQueue<Long>> latencies = new EnumMap<>(Op.class);
            for (Op op : Op.values()) {
                latencies.put(op, new ConcurrentLinkedQueue<>());
            }
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> work(channel, users, latencies, errors, warmupEnd, end));
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
            print(latencies, seconds, threads, userCount, errors);
        } finally {
            channel.shutdownNow();
        }
    }

    private static void work(
            ManagedChannel channel,
            List<User> users,
            Map<Op, ConcurrentLinkedQueue<Long>> latencies,
            ConcurrentLinkedQueue<String> errors,
            long warmupEnd,
            long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            User user = users.get(random.nextInt(users.size()));
            PlanItem item = user.plan().getItems(random.nextInt(user.plan().getItemsCount()));
            int dice = random.nextInt(100);
            Op op = dice < 40 ? Op.GET_PLAN : dice < 70 ? Op.GET_PROGRESS : dice < 85 ? Op.UPDATE_ITEM : Op.LOG_TIME;
            long start = System.nanoTime();
            try {
                switch (op) {
                    case GET_PLAN ->
                        PlanServiceGrpc.newBlockingStub(channel)
                                .withCallCredentials(bearer(user.token()))
                                .getPlan(GetPlanRequest.newBuilder()
                                        .setName(user.plan().getName())
                                        .build());
                    case GET_PROGRESS ->
                        ProgressServiceGrpc.newBlockingStub(channel)
                                .withCallCredentials(bearer(user.token()))
                                .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                        .setPlan(user.plan().getName())
                                        .build());
                    case UPDATE_ITEM ->
                        PlanServiceGrpc.newBlockingStub(channel)
                                .withCallCredentials(bearer(user.token()))
                                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                        .setPlanItem(PlanItem.newBuilder()
                                                .setName(item.getName())
                                                .setNotes("note " + random.nextInt(1000)))
                                        .setUpdateMask(FieldMask.newBuilder().addPaths("notes"))
                                        .build());
                    default ->
                        PlanServiceGrpc.newBlockingStub(channel)
                                .withCallCredentials(bearer(user.token()))
                                .logTime(LogTimeRequest.newBuilder()
                                        .setPlanItem(item.getName())
                                        .setMinutes(5)
                                        .build());
                }
                if (start > warmupEnd) {
                    latencies.get(op).add(System.nanoTime() - start);
                }
            } catch (RuntimeException e) {
                errors.add(op + ": " + e.getMessage());
            }
        }
    }

    private static void print(
            Map<Op, ConcurrentLinkedQueue<Long>> latencies,
            int seconds,
            int threads,
            int users,
            ConcurrentLinkedQueue<String> errors) {
        System.out.printf(
                Locale.ROOT,
                "%d users, %d client threads, %d s measured after 3 s warm-up%n%n",
                users,
                threads,
                seconds);
        System.out.println("| call | calls/s | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        long total = 0;
        for (Op op : Op.values()) {
            long[] sorted = latencies.get(op).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            total += sorted.length;
            if (sorted.length == 0) {
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f | %.2f | %.2f | %.2f |%n",
                    op,
                    sorted.length / (double) seconds,
                    pct(sorted, 0.50),
                    pct(sorted, 0.95),
                    pct(sorted, 0.99));
        }
        System.out.printf(Locale.ROOT, "| all | %.0f | | | |%n", total / (double) seconds);
        System.out.printf("%nerrors: %d%s%n", errors.size(), errors.isEmpty() ? "" : " (first: " + errors.peek() + ")");
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static CallCredentials bearer(String token) {
        return Bearer.token(token);
    }
}
