package dev.ascent.tracker.concurrency;

import dev.ascent.common.testing.TestDatabase;

class WriteConcurrencyH2Test extends WriteConcurrencyContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
