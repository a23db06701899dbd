package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeRollupH2Test extends PracticeRollupContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
