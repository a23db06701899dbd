package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class AdminTokenH2Test extends AdminTokenContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
