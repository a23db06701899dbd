package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class StreamMySqlTest extends StreamContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
