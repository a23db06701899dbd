package dev.ascent.common.db;

import dev.ascent.common.testing.TestDatabase;

class ConstraintMappingH2Test extends ConstraintMappingContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
