package dev.ascent.tracker.practice;

import dev.ascent.common.testing.TestDatabase;

class CopiedTextMySqlTest extends CopiedTextContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
