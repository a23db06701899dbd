package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class AccessMatrixH2Test extends AccessMatrixContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
