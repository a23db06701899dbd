package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class AdminTokenMySqlTest extends AdminTokenContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
