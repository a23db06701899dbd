package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class LargePlanMySqlTest extends LargePlanContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
