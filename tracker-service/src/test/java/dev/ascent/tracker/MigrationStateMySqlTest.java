package dev.ascent.tracker;

import dev.ascent.common.testing.TestDatabase;

class MigrationStateMySqlTest extends MigrationStateContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
