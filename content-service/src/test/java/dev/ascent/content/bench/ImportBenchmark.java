package dev.ascent.content.bench;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ImportGuide of the ~20 KB seed guide, warm (issue 15 part 4): one caller over a real channel to an in-process
 * content service, after {@code -Dbench.warmup} imports of each kind. Three kinds take turns, {@code -Dbench.rounds}
 * rounds of {@code -Dbench.imports} each: the same text again (answered as unchanged), the same content with a
 * different trailing newline (a new revision whose items all stay), and one bullet edited (a new revision that
 * replaces one item). Prints p50, p99 and max per kind (the parse alone: {@code ParsingBenchmark}).
 * {@code bench/content-import.sh} runs it on H2, and on MySQL with {@code mysql}, with the services' JVM options.
 *
 * <p>Warm means compiled: after 50 imports of each kind the JIT compiler was still at work and the timed imports
 * took a third longer at p50 (8 ms against 6 on MariaDB) and half again at p99; by 400 the figures had settled (1,000
 * gave the same).
 */
public final class ImportBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 400);
    private static final int IMPORTS = Integer.getInteger("bench.imports", 40);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        ContentBenchmark.quiet("ascent.calls");
        ContentBenchmark.quiet("dev.ascent");
        boolean mysql = List.of(args).contains("mysql");
        TestDatabase.Engine engine = mysql ? TestDatabase.Engine.MYSQL : TestDatabase.Engine.H2;
        Path seeds = ContentBenchmark.seedsDir();
        Path guide = ContentBenchmark.seed(seeds, "001_");
        String text = Files.readString(guide, StandardCharsets.UTF_8);
        int bullet = text.indexOf("\n- ");
        if (bullet < 0) {
            throw new IllegalStateException("no bullet to edit in " + guide);
        }
        TestDatabase db = TestDatabase.create(engine);
        Path home = Files.createTempDirectory("ascent-bench");
        try (db;
                RunningService service = ContentBenchmark.start(db, home)) {
            ContentServiceBlockingStub admin = ContentServiceGrpc.newBlockingStub(service.channel())
                    .withCallCredentials(Bearer.token(ContentBenchmark.ADMIN_TOKEN));
            String name = guide.getFileName().toString();
            Latencies[] kinds = {new Latencies(), new Latencies(), new Latencies()};
            int[] counter = {0};
            ImportGuideRequest[] last = {
                ImportGuideRequest.newBuilder()
                        .setSourceName(name)
                        .setText(ByteString.copyFromUtf8(text))
                        .build()
            };
            // kind 0: the text last imported again; 1: a trailing newline toggled; 2: one bullet's text changed.
            Importer importer = (kind, timed) -> {
                int n = counter[0]++;
                String body = switch (kind) {
                    case 0 -> null;
                    case 1 -> n % 2 == 0 ? text + "\n" : text;
                    default -> text.substring(0, bullet + 3) + "Edit " + n + " " + text.substring(bullet + 3);
                };
                long t0 = System.nanoTime();
                if (body == null) {
                    admin.importGuide(last[0]);
                } else {
                    last[0] = ImportGuideRequest.newBuilder()
                            .setSourceName(name)
                            .setText(ByteString.copyFromUtf8(body))
                            .build();
                    admin.importGuide(last[0]);
                }
                if (timed) {
                    kinds[kind].add(System.nanoTime() - t0);
                }
            };
            admin.importGuide(last[0]);
            for (int i = 0; i < WARMUP; i++) {
                for (int kind = 0; kind < 3; kind++) {
                    importer.run(kind, false);
                }
            }
            for (int r = 0; r < ROUNDS; r++) {
                for (int kind = 0; kind < 3; kind++) {
                    for (int i = 0; i < IMPORTS; i++) {
                        importer.run(kind, true);
                    }
                }
            }
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            System.out.printf(
                    Locale.ROOT,
                    "ImportGuide `%s` (%,d bytes), %s, one caller, %d warm-up imports of "
                            + "each kind, then %d rounds of %d each; load average %s %s %s%n%n",
                    name,
                    text.getBytes(StandardCharsets.UTF_8).length,
                    engine,
                    WARMUP,
                    ROUNDS,
                    IMPORTS,
                    load[0],
                    load[1],
                    load[2]);
            System.out.println("| import | samples | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            String[] labels = {
                "unchanged text (no new revision)",
                "new revision, same content (trailing newline)",
                "new revision, one bullet edited"
            };
            for (int kind = 0; kind < 3; kind++) {
                Latencies.Sorted s = kinds[kind].sorted();
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %,d | %s | %s | %s |%n",
                        labels[kind],
                        s.count(),
                        Latencies.millis(s.percentile(50)),
                        Latencies.millis(s.percentile(99)),
                        Latencies.millis(s.max()));
            }
        } finally {
            ContentBenchmark.deleteTree(home);
        }
        System.exit(0);
    }

    @FunctionalInterface
    private interface Importer {
        void run(int kind, boolean timed) throws Exception;
    }
}
