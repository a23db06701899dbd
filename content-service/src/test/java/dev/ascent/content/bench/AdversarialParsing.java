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

    private AdversarialParsing() {
    }

    public static void main(String[] args) throws Exception {
        GuideParser parser = new GuideParser();
        System.out.println("## Adversarial parsing (1 MiB inputs, decode + parse, one thread)");
        System.out.println();
        System.out.println("| input | format | size (bytes) | result | best ms | worst ms |");
        System.out.println("|---|---|---:|---|---:|---:|");
        double slowest = 0;
        AdversarialInputs.Input slowestInput = null;
        for (AdversarialInputs.Input in : AdversarialInputs.all()) {
            byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
            String result = run(parser, in, bytes);
            double best = Double.MAX_VALUE;
            double worst = 0;
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                run(parser, in, bytes);
                double ms = (System.nanoTime() - t0) / 1e6;
                best = Math.min(best, ms);
                worst = Math.max(worst, ms);
            }
            if (worst > slowest) {
                slowest = worst;
                slowestInput = in;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | %.0f | %.0f |%n", in.name(),
                    in.format().name().toLowerCase(Locale.ROOT), bytes.length, result, best, worst);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Slowest: %s, %.0f ms.%n%n", slowestInput.name(), slowest);
        cancellation(parser, slowestInput);
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
                    parser.parse(GuideText.decode(in.text().getBytes(StandardCharsets.UTF_8)), null, in.format(),
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
