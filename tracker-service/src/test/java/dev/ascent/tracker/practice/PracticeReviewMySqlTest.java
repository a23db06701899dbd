package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeReviewMySqlTest extends PracticeReviewContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
