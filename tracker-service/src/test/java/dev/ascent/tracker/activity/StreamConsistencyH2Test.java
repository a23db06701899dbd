package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class StreamConsistencyH2Test extends StreamConsistencyContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
