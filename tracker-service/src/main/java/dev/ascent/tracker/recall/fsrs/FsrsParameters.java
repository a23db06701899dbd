package dev.ascent.tracker.recall.fsrs;

import java.util.Arrays;

/**
 * The 21 weights of FSRS-6 plus the scheduling settings around them.
 *
 * <p>{@link #DEFAULT_WEIGHTS} are the FSRS-6 defaults published by open-spaced-repetition (py-fsrs
 * {@code fsrs/scheduler.py DEFAULT_PARAMETERS}, ts-fsrs {@code packages/fsrs/__tests__/FSRS-6.test.ts}, fsrs-rs
 * {@code DEFAULT_PARAMETERS}), trained on their open review dataset.
 *
 * @param shortTerm whether same-day reviews use the short-term stability formula (w17..w19), as py-fsrs and Anki do;
 *                  off only to reproduce the published "long-term" reference values
 */
public record FsrsParameters(double[] w, double desiredRetention, int maximumIntervalDays, boolean shortTerm) {

    static final double[] DEFAULT_WEIGHTS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
        1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    };

    public static final double DEFAULT_DESIRED_RETENTION = 0.9;
    public static final int DEFAULT_MAXIMUM_INTERVAL_DAYS = 36500;

    public FsrsParameters {
        if (w.length != 21) {
            throw new IllegalArgumentException("FSRS-6 takes 21 weights, got " + w.length);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1), got " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximum interval must be at least one day");
        }
        w = w.clone();
    }

    /** The published defaults with the given desired retention. */
    public static FsrsParameters defaults(double desiredRetention) {
        return new FsrsParameters(DEFAULT_WEIGHTS, desiredRetention, DEFAULT_MAXIMUM_INTERVAL_DAYS, true);
    }

    public static FsrsParameters defaults() {
        return defaults(DEFAULT_DESIRED_RETENTION);
    }

    public FsrsParameters withShortTerm(boolean enabled) {
        return new FsrsParameters(w, desiredRetention, maximumIntervalDays, enabled);
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    double weight(int i) {
        return w[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters p
                && Arrays.equals(w, p.w)
                && desiredRetention == p.desiredRetention
                && maximumIntervalDays == p.maximumIntervalDays
                && shortTerm == p.shortTerm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + Double.hashCode(desiredRetention);
    }

    @Override
    public String toString() {
        return "FsrsParameters" + Arrays.toString(w) + " retention " + desiredRetention;
    }
}
