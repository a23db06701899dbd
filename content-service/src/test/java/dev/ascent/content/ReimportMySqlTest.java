package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ReimportMySqlTest extends ReimportContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
