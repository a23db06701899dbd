package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class LargeWatchSetMySqlTest extends LargeWatchSetContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
