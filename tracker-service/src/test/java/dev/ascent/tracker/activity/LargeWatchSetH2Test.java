package dev.ascent.tracker.activity;

import dev.ascent.common.testing.TestDatabase;

class LargeWatchSetH2Test extends LargeWatchSetContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
