package dev.ascent.tracker.concurrency;

import dev.ascent.common.testing.TestDatabase;

class WriteConcurrencyMySqlTest extends WriteConcurrencyContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
