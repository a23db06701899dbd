package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class StreamH2Test extends StreamContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
