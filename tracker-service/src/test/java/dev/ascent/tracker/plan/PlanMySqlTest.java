package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class PlanMySqlTest extends PlanContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
