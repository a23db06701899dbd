package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class PracticeAccessH2Test extends PracticeAccessContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
