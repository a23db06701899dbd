package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ContentFuzzH2Test extends ContentFuzzContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }

    @Override
    int calls() {
        return 5000;
    }
}
