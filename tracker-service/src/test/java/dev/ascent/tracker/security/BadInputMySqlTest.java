package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class BadInputMySqlTest extends BadInputContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
