package dev.ascent.common.db;

import dev.ascent.common.testing.TestDatabase;

class ConstraintMappingMySqlTest extends ConstraintMappingContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
