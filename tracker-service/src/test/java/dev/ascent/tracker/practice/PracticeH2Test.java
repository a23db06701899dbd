package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeH2Test extends PracticeContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
