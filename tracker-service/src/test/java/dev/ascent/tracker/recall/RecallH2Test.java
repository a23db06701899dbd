package dev.ascent.tracker.recall;

import dev.ascent.common.testing.TestDatabase;

class RecallH2Test extends RecallContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
