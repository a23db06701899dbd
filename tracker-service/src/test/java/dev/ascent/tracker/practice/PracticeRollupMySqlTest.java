package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeRollupMySqlTest extends PracticeRollupContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
