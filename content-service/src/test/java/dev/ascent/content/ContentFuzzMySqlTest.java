package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentFuzzMySqlTest extends ContentFuzzContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }

    @Override
    int calls() {
        return 1000;
    }
}
