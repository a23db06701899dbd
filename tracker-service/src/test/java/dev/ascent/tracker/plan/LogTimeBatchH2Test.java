package dev.ascent.tracker.plan;

import dev.ascent.common.testing.TestDatabase;

class LogTimeBatchH2Test extends LogTimeBatchContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
