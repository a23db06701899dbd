package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeMySqlTest extends PracticeContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
