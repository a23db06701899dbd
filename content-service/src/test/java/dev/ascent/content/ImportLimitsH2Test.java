package dev.ascent.content;

import dev.ascent.common.testing.TestDatabase;

class ImportLimitsH2Test extends ImportLimitsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
