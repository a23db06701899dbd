package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentPlatformH2Test extends ContentPlatformContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
