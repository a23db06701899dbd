package dev.ascent.tracker.consistency;

import dev.ascent.common.testing.TestDatabase;

class ConsistencyCheckH2Test extends ConsistencyCheckContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
