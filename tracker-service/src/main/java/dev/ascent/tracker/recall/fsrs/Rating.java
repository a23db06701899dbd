package dev.ascent.tracker.recall.fsrs;

/** The four FSRS grades; {@link #grade()} is the G of the published formulas (1 = again ... 4 = easy). */
public enum Rating {
    AGAIN(1),
    HARD(2),
    GOOD(3),
    EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }
}
