package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class CopiedTextH2Test extends CopiedTextContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
