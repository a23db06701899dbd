package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class SecretsH2Test extends SecretsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
