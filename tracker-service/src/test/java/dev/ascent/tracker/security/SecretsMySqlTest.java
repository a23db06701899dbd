package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;

class SecretsMySqlTest extends SecretsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
