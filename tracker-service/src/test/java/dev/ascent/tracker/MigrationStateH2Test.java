package dev.ascent.tracker;

import dev.ascent.common.testing.TestDatabase;

class MigrationStateH2Test extends MigrationStateContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
