package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeReviewH2Test extends PracticeReviewContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
