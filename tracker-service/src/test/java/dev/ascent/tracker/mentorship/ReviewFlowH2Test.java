package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class ReviewFlowH2Test extends ReviewFlowContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
