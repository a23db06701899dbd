package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class LargePlanH2Test extends LargePlanContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
