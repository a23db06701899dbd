package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class StreamConsistencyMySqlTest extends StreamConsistencyContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
