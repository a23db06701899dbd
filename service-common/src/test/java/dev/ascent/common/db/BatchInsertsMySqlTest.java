package dev.ascent.common.db;

import dev.ascent.common.testing.TestDatabase;

class BatchInsertsMySqlTest extends BatchInsertsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
