package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class FuzzMySqlTest extends FuzzContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }

    @Override
    int calls() {
        return 1000;
    }
}
