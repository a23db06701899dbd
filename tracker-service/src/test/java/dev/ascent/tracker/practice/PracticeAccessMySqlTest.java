package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeAccessMySqlTest extends PracticeAccessContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
