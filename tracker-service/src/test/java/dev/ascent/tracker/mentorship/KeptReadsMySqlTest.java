package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class KeptReadsMySqlTest extends KeptReadsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
