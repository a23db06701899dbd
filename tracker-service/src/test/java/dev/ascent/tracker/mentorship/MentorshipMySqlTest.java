package dev.ascent.tracker.mentorship;

import dev.ascent.common.testing.TestDatabase;

class MentorshipMySqlTest extends MentorshipContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.MYSQL;
    }
}
