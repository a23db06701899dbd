package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.AscentClient;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent admin backup} under write load, then {@code ascent admin restore} onto the stopped platform: every
 * write acknowledged before the backup began is there after the restore, and the restored data is consistent.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BackupRestoreTest {

    private static final String ROLE = "roles/senior-machine-learning-scientist";

    @Test
    void aBackupTakenUnderLoadRestoresEveryAcknowledgedWrite(@TempDir Path dir) throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2)) {
            Map<String, String> env =
                    platform.cliEnvironment(dir.resolve("config.properties"), PackagedPlatform.ADMIN_TOKEN);
            env.put("ASCENT_HOME", platform.home().toString());

            String token;
            try (AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
                token = admin.accounts()
                        .createUser(CreateUserRequest.newBuilder()
                                .setHandle("backed-up")
                                .setDisplayName("Backed Up")
                                .build())
                        .getToken();
            }
            AscentClient client = platform.client(token);
            // Several plans, so a fast machine does not fill one to its 200-item limit during the test.
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                plans.add(client.plans()
                        .createPlan(CreatePlanRequest.newBuilder()
                                .setTargetRole(ROLE)
                                .setHoursPerWeek(5)
                                .build())
                        .getPlan());
            }
            int itemsAtStart = plans.stream().mapToInt(Plan::getItemsCount).sum();

            Set<String> addedItems = ConcurrentHashMap.newKeySet();
            AtomicLong minutes = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        Plan plan = plans.get(n % plans.size());
                        if (n % 2 == 0) {
                            client.plans()
                                    .logTime(LogTimeRequest.newBuilder()
                                            .setPlanItem(plan.getItems(writer).getName())
                                            .setMinutes(1)
                                            .setRequestId(UUID.randomUUID().toString())
                                            .build());
                            minutes.incrementAndGet();
                        } else {
                            addedItems.add(client.plans()
                                    .addPlanItem(AddPlanItemRequest.newBuilder()
                                            .setParent(plan.getName())
                                            .setRequestId(UUID.randomUUID().toString())
                                            .setPlanItem(PlanItem.newBuilder().setTitle("w" + writer + " n" + n))
                                            .build())
                                    .getPlanItem()
                                    .getName());
                        }
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            Set<String> itemsBefore = Set.copyOf(addedItems);
            long minutesBefore = minutes.get();
            Path backup = dir.resolve("ascent-backup.zip");
            CliRun made = CliRun.run(env, "", "admin", "backup", backup.toString());
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(1, TimeUnit.MINUTES);
            }
            writers.shutdown();
            assertEquals(0, made.exitCode, made::toString);
            assertTrue(made.out.startsWith("backed up the catalog and the tracker to "), made.out);
            assertTrue(addedItems.size() > itemsBefore.size(), "writes went on during and after the backup");

            CliRun whileRunning = CliRun.run(env, "", "admin", "restore", backup.toString());
            assertEquals(ExitCodes.FAILED, whileRunning.exitCode, whileRunning::toString);
            assertTrue(whileRunning.err.contains("stop the platform"), whileRunning.err);

            platform.stop("tracker");
            platform.stop("content");
            CliRun restored = CliRun.run(env, "", "admin", "restore", backup.toString());
            assertEquals(0, restored.exitCode, restored::toString);
            try (var files = Files.list(platform.home().resolve("tracker"))) {
                assertTrue(
                        files.anyMatch(f -> f.getFileName().toString().startsWith("db.mv.db.before-restore-")),
                        "the replaced database is kept");
            }
            platform.restart("content", "tracker");

            try (AscentClient after = platform.client(token);
                    AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
                List<PlanItem> back = new ArrayList<>();
                for (Plan plan : plans) {
                    back.addAll(after.plans()
                            .getPlan(GetPlanRequest.newBuilder()
                                    .setName(plan.getName())
                                    .build())
                            .getPlan()
                            .getItemsList());
                }
                Set<String> names = back.stream().map(PlanItem::getName).collect(Collectors.toSet());
                assertTrue(names.containsAll(itemsBefore), "every item acknowledged before the backup is back");
                assertTrue(
                        names.size() < itemsAtStart + addedItems.size(),
                        "items added after the backup are not: it is a copy of one moment");
                long logged =
                        back.stream().mapToLong(PlanItem::getLoggedMinutes).sum();
                assertTrue(
                        logged >= minutesBefore && logged <= minutes.get(),
                        logged + " minutes, between " + minutesBefore + " and " + minutes.get());
                assertEquals(
                        0,
                        admin.admin()
                                .checkConsistency(CheckConsistencyRequest.newBuilder()
                                        .setPageSize(1000)
                                        .build())
                                .getDriftsCount(),
                        "the copy is consistent");
            }
            client.close();
        }
    }
}
