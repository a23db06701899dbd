package dev.ascent.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.ascent.common.testing.LocaleRules;

/** The shared service code makes the same text on every host ({@link LocaleRules}). */
@AnalyzeClasses(packages = "dev.ascent.common", importOptions = ImportOption.DoNotIncludeTests.class)
class LocaleTextTest {

    @ArchTest
    static final ArchTests locale = ArchTests.in(LocaleRules.class);
}
