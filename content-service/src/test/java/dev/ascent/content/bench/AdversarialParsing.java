package dev.ascent.content.bench;

import dev.ascent.content.importer.Cancellation;
import dev.ascent.content.importer.GuideParseException;
import dev.ascent.content.importer.GuideParser;
import dev.ascent.content.importer.GuideText;
import dev.ascent.content.importer.ParsedGuide;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parse times of {@link AdversarialInputs} (decode + parse, as an import does before it writes), and how fast a
 * cancelled parse stops. A {@code main} run by {@code bench/adversarial.sh}, never by {@code ./mvnw verify}; it
 * prints Markdown for docs/PERFORMANCE.md. Each input is parsed once to warm up, then timed {@value #RUNS} times.
 */
public final class AdversarialParsing {
    private static final int RUNS = 3;

    private AdversarialParsing() {}

    public static void main(String[] args) throws Exception {
        GuideParser parser = new GuideParser();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("## Adversarial parsing (1 MiB inputs, decode + parse, one thread)");
        System.out.println();
        System.out.println("Load average at the start (1/5/15 min): " + loadAverage() + ". CPU ms is the parsing"
                + " thread's own CPU time, which other processes on the machine do not inflate; wall ms is what a caller"
                + " waits.");
        System.out.println();
        System.out.println("| input | format | size (bytes) | result | best wall ms | worst wall ms | best CPU ms"
                + " | worst CPU ms |");
        System.out.println("|---|---|---:|---|---:|---:|---:|---:|");
        double slowest = 0;
        AdversarialInputs.Input slowestInput = null;
        for (AdversarialInputs.Input in : AdversarialInputs.all()) {
            byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
            String result = run(parser, in, bytes);
            double best = Double.MAX_VALUE;
            double worst = 0;
            double bestCpu = Double.MAX_VALUE;
            double worstCpu = 0;
            for (int i = 0; i < RUNS; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(parser, in, bytes);
                double ms = (System.nanoTime() - t0) / 1e6;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                best = Math.min(best, ms);
                worst = Math.max(worst, ms);
                bestCpu = Math.min(bestCpu, cpu);
                worstCpu = Math.max(worstCpu, cpu);
            }
            if (worstCpu > slowest) {
                slowest = worstCpu;
                slowestInput = in;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,d | %s | %.0f | %.0f | %.0f | %.0f |%n",
                    in.name(),
                    in.format().name().toLowerCase(Locale.ROOT),
                    bytes.length,
                    result,
                    best,
                    worst,
                    bestCpu,
                    worstCpu);
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Slowest by CPU: %s, %.0f ms. Load average at the end: %s.%n%n",
                slowestInput.name(),
                slowest,
                loadAverage());
        cancellation(parser, slowestInput);
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String run(GuideParser parser, AdversarialInputs.Input in, byte[] bytes) {
        try {
            ParsedGuide g = parser.parse(GuideText.decode(bytes), null, in.format(), Cancellation.NONE);
            return "OK, " + g.sections().size() + " sections";
        } catch (GuideParseException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** Cancels a parse of {@code in} after 20 ms and reports how long the thread kept using CPU. */
    private static void cancellation(GuideParser parser, AdversarialInputs.Input in) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("## Cancellation (the slowest input above, cancelled 20 ms into the parse; 5 runs)");
        System.out.println();
        System.out.println("| run | thread CPU after the cancel, ms | wall time from cancel to stop, ms |");
        System.out.println("|---:|---:|---:|");
        for (int run = 1; run <= 5; run++) {
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicLong cpuAtStop = new AtomicLong();
            AtomicLong stopped = new AtomicLong();
            Thread worker = new Thread(() -> {
                try {
                    parser.parse(
                            GuideText.decode(in.text().getBytes(StandardCharsets.UTF_8)),
                            null,
                            in.format(),
                            cancelled::get);
                } catch (Cancellation.Cancelled | GuideParseException e) {
                    // expected: Cancelled
                } finally {
                    stopped.set(System.nanoTime());
                    cpuAtStop.set(threads.getCurrentThreadCpuTime());
                }
            });
            worker.start();
            Thread.sleep(20);
            long cpuAtCancel = threads.getThreadCpuTime(worker.getId());
            long cancelAt = System.nanoTime();
            cancelled.set(true);
            worker.join();
            double cpuMs = cpuAtCancel < 0 ? 0 : Math.max(0, (cpuAtStop.get() - cpuAtCancel) / 1e6);
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f |%n", run, cpuMs, (stopped.get() - cancelAt) / 1e6);
        }
        System.out.println();
    }
}
