package dev.ascent.tracker.recall.fsrs;

/**
 * The FSRS-6 memory model: the published formulas of the Free Spaced Repetition Scheduler, as specified in
 * open-spaced-repetition's "The Algorithm" (fsrs4anki wiki, FSRS-6 section) and implemented by py-fsrs
 * ({@code fsrs/scheduler.py}) and ts-fsrs ({@code packages/fsrs/src/algorithm.ts}). Pure functions of the
 * parameters; {@link Scheduler} turns them into due times.
 *
 * <p>Formulas (w = weights, G = grade 1..4, t = days since the last review):
 * <ul>
 *   <li>R(t, S) = (1 + FACTOR * t / S)^DECAY, DECAY = -w20, FACTOR = 0.9^(1/DECAY) - 1 (so R(S, S) = 0.9)</li>
 *   <li>interval I(S) = S / FACTOR * (r^(1/DECAY) - 1) for desired retention r</li>
 *   <li>S0(G) = w[G-1]; D0(G) = w4 - e^(w5 (G-1)) + 1, clamped to [1, 10]</li>
 *   <li>D' = w7 D0(4) + (1 - w7) (D + (-w6 (G-3)) (10 - D) / 9), clamped to [1, 10]</li>
 *   <li>recall: S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1) * w15 [hard] * w16 [easy])</li>
 *   <li>lapse: S' = min(w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)), S / e^(w17 w18))</li>
 *   <li>same day: S' = S e^(w17 (G - 3 + w18)) S^-w19, the factor at least 1 for G >= 3 (py-fsrs) </li>
 * </ul>
 */
public final class Fsrs {

    static final double STABILITY_MIN = 0.001;
    static final double STABILITY_MAX = 36500;

    private final FsrsParameters p;
    private final double decay;
    private final double factor;

    public Fsrs(FsrsParameters parameters) {
        this.p = parameters;
        this.decay = -parameters.weight(20);
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public FsrsParameters parameters() {
        return p;
    }

    /** Probability of recall after {@code elapsedDays} for a memory of the given stability. */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * Math.max(0, elapsedDays) / stability, decay);
    }

    /** Whole days until recall probability falls to the desired retention: at least 1, at most the maximum. */
    public int intervalDays(double stability) {
        double days = stability / factor * (Math.pow(p.desiredRetention(), 1 / decay) - 1);
        long rounded = Math.round(days);
        return (int) Math.min(Math.max(1, rounded), p.maximumIntervalDays());
    }

    public double initialStability(Rating rating) {
        return Math.max(p.weight(rating.grade() - 1), STABILITY_MIN);
    }

    public double initialDifficulty(Rating rating) {
        return clampDifficulty(rawInitialDifficulty(rating.grade()));
    }

    private double rawInitialDifficulty(int grade) {
        return p.weight(4) - Math.exp(p.weight(5) * (grade - 1)) + 1;
    }

    public double nextDifficulty(double difficulty, Rating rating) {
        double delta = -p.weight(6) * (rating.grade() - 3);
        double damped = difficulty + delta * (10 - difficulty) / 9;
        return clampDifficulty(p.weight(7) * rawInitialDifficulty(4) + (1 - p.weight(7)) * damped);
    }

    public double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? p.weight(15) : 1;
        double easyBonus = rating == Rating.EASY ? p.weight(16) : 1;
        return clampStability(stability
                * (1
                        + Math.exp(p.weight(8))
                                * (11 - difficulty)
                                * Math.pow(stability, -p.weight(9))
                                * (Math.exp((1 - retrievability) * p.weight(10)) - 1)
                                * hardPenalty
                                * easyBonus));
    }

    public double forgetStability(double difficulty, double stability, double retrievability) {
        double longTerm = p.weight(11)
                * Math.pow(difficulty, -p.weight(12))
                * (Math.pow(stability + 1, p.weight(13)) - 1)
                * Math.exp((1 - retrievability) * p.weight(14));
        double shortTermCap = p.shortTerm() ? stability / Math.exp(p.weight(17) * p.weight(18)) : stability;
        return clampStability(Math.min(longTerm, shortTermCap));
    }

    public double shortTermStability(double stability, Rating rating) {
        double increase =
                Math.exp(p.weight(17) * (rating.grade() - 3 + p.weight(18))) * Math.pow(stability, -p.weight(19));
        if (rating == Rating.GOOD || rating == Rating.EASY) {
            increase = Math.max(increase, 1.0);
        }
        return clampStability(stability * increase);
    }

    /**
     * The memory after a review {@code elapsedDays} whole days after the previous one ({@code state} null for a
     * card never reviewed). Same-day reviews (0 days) use the short-term formula when enabled.
     */
    public MemoryState next(MemoryState state, long elapsedDays, Rating rating) {
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative: " + elapsedDays);
        }
        if (state == null) {
            return new MemoryState(initialStability(rating), initialDifficulty(rating));
        }
        double s = state.stability();
        double d = state.difficulty();
        double stability;
        if (elapsedDays == 0 && p.shortTerm()) {
            stability = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            stability = rating == Rating.AGAIN ? forgetStability(d, s, r) : recallStability(d, s, r, rating);
        }
        return new MemoryState(stability, nextDifficulty(d, rating));
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, 1), 10);
    }

    private static double clampStability(double s) {
        return Math.min(Math.max(s, STABILITY_MIN), STABILITY_MAX);
    }
}
