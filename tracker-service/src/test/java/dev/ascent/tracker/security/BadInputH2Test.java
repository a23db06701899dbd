package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class BadInputH2Test extends BadInputContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
