package dev.ascent.content.bench;

import static dev.ascent.content.bench.ContentBenchmark.out;

import com.google.protobuf.ByteString;
import dev.ascent.content.catalog.RoleCache;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Cold and warm GetRole reads, one caller. An import replaces the role's cache entry, so the first read after an
 * import is measured as such; a cache miss proper (what a read pays once the entry's TTL has expired, or after an
 * import through another instance) is made by dropping the entry from the service's {@link RoleCache}.
 */
final class CacheEffect {

    private static final int ROUNDS = 50;
    private static final int WARM_READS = 20;

    private CacheEffect() {}

    static void run(
            ApplicationContext service,
            ContentServiceBlockingStub stub,
            ContentServiceBlockingStub admin,
            String role,
            Path reimported)
            throws Exception {
        RoleCache cache = service.getBean(RoleCache.class);
        String slug = role.substring("roles/".length());
        GetRoleRequest get = GetRoleRequest.newBuilder().setName(role).build();
        byte[] original = Files.readAllBytes(reimported);
        // Alternating a trailing newline makes every import a new revision with the same content.
        byte[] variant = (new String(original, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        Latencies imports = new Latencies();
        Latencies afterImport = new Latencies();
        Latencies afterMiss = new Latencies();
        Latencies warm = new Latencies();
        int changed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            boolean unchanged = admin.importGuide(ImportGuideRequest.newBuilder()
                            .setText(ByteString.copyFrom(i % 2 == 0 ? variant : original))
                            .setSourceName(reimported.getFileName().toString())
                            .build())
                    .getUnchanged();
            imports.add(System.nanoTime() - t0);
            changed += unchanged ? 0 : 1;
            afterImport.add(timed(() -> stub.getRole(get)));
            for (int w = 0; w < WARM_READS; w++) {
                warm.add(timed(() -> stub.getRole(get)));
            }
            cache.invalidate(slug);
            afterMiss.add(timed(() -> stub.getRole(get)));
        }
        out("## Role cache (GetRole `" + role + "`, one caller, " + ROUNDS + " rounds)");
        out("");
        out("Each round re-imports `" + reimported.getFileName() + "` (" + changed + " of " + ROUNDS
                + " imports wrote a new revision), reads the role once, reads it " + WARM_READS
                + " more times, then drops the role's cache entry and reads it once more.");
        out("");
        out("| read | samples | p50 ms | p99 ms | max ms |");
        out("|---|---:|---:|---:|---:|");
        row("ImportGuide itself (parse, write, re-read)", imports);
        row("first GetRole after ImportGuide", afterImport);
        row("GetRole after a cache miss (role assembled from the database)", afterMiss);
        row("warm GetRole (served from memory)", warm);
        out("");
    }

    private static void row(String label, Latencies l) {
        Latencies.Sorted s = l.sorted();
        out(String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %s |",
                label,
                s.count(),
                Latencies.millis(s.percentile(50)),
                Latencies.millis(s.percentile(99)),
                Latencies.millis(s.max())));
    }

    private static long timed(LoadRunner.Call call) throws Exception {
        long t0 = System.nanoTime();
        call.run();
        return System.nanoTime() - t0;
    }
}
