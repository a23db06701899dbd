package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class AccessMatrixMySqlTest extends AccessMatrixContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
