package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class FuzzH2Test extends FuzzContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }

    @Override
    int calls() {
        return 5000;
    }
}
