package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentPlatformMySqlTest extends ContentPlatformContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
