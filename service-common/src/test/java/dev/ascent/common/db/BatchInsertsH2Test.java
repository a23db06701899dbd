package dev.ascent.common.db;

import dev.ascent.common.testing.TestDatabase;

class BatchInsertsH2Test extends BatchInsertsContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
