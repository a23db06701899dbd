package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ReimportH2Test extends ReimportContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
