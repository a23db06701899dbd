package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class LogTimeBatchMySqlTest extends LogTimeBatchContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
