package dev.ascent.tracker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.ascent.common.testing.FeatureRules;
import dev.ascent.common.testing.LocaleRules;

/** The tracker's features and their dependencies, as docs/ARCHITECTURE.md ("Features and layers") draws them. */
@AnalyzeClasses(packages = "dev.ascent.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final FeatureRules FEATURES = new FeatureRules("dev.ascent.tracker");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = FEATURES.freeOfCycles();

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = FEATURES.repositoriesStayInTheirFeature();

    @ArchTest
    static final ArchRule plumbingDependsOnNoFeature = FEATURES.plumbingDependsOnNoFeature("grpc");

    @ArchTest
    static final ArchTests locale = ArchTests.in(LocaleRules.class);
}
