package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class KeptReadsH2Test extends KeptReadsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
