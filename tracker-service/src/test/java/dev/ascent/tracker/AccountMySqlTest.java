package dev.ascent.tracker;

import dev.ascent.common.testing.TestDatabase;

class AccountMySqlTest extends AccountContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
