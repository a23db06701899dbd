package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ImportLimitsMySqlTest extends ImportLimitsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
