package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class PlanH2Test extends PlanContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
