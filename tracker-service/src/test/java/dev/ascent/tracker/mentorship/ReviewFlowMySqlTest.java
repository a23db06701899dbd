package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class ReviewFlowMySqlTest extends ReviewFlowContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
