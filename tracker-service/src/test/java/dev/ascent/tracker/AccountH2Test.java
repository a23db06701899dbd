package dev.ascent.tracker;

import dev.ascent.common.testing.TestDatabase;

class AccountH2Test extends AccountContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
