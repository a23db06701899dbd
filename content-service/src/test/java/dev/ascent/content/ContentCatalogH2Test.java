package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentCatalogH2Test extends ContentCatalogContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
