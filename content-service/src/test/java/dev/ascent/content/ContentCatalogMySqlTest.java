package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentCatalogMySqlTest extends ContentCatalogContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
