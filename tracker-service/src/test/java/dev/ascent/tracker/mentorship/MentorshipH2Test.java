package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class MentorshipH2Test extends MentorshipContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
