package dev.ascent.tracker.export;

import dev.ascent.common.testing.TestDatabase;

class ExportMySqlTest extends ExportContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
