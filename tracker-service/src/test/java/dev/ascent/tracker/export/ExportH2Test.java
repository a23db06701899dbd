package dev.ascent.tracker.export;

import dev.ascent.common.testing.TestDatabase;

class ExportH2Test extends ExportContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
