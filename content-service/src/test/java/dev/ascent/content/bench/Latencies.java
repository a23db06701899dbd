package dev.ascent.content.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency samples in nanoseconds, one per call. HdrHistogram is not on the classpath and a benchmark must not add
 * dependencies, so samples are kept whole and sorted once: a few million longs is a few tens of MB at most.
 */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int count() {
        return size;
    }

    /** A sorted copy of every sample of {@code parts}, for percentiles over all threads of a run. */
    static Sorted merge(Iterable<Latencies> parts) {
        int total = 0;
        for (Latencies p : parts) {
            total += p.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies p : parts) {
            System.arraycopy(p.samples, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return new Sorted(all);
    }

    Sorted sorted() {
        long[] copy = Arrays.copyOf(samples, size);
        Arrays.sort(copy);
        return new Sorted(copy);
    }

    /** Sorted samples; percentiles by nearest rank. */
    record Sorted(long[] nanos) {

        int count() {
            return nanos.length;
        }

        long percentile(double p) {
            if (nanos.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))];
        }

        long max() {
            return nanos.length == 0 ? 0 : nanos[nanos.length - 1];
        }

        double mean() {
            if (nanos.length == 0) {
                return 0;
            }
            double sum = 0;
            for (long n : nanos) {
                sum += n;
            }
            return sum / nanos.length;
        }
    }

    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000.0);
    }

    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }
}
