package dev.ascent.tracker.recall;

import dev.ascent.common.testing.TestDatabase;

class RecallMySqlTest extends RecallContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
