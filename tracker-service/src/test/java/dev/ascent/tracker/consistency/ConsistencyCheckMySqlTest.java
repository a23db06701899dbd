package dev.ascent.tracker.consistency;

import dev.ascent.common.testing.TestDatabase;

class ConsistencyCheckMySqlTest extends ConsistencyCheckContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
