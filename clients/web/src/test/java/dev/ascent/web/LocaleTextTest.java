package dev.ascent.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.ascent.common.testing.LocaleRules;

/** The web app's pages read the same whatever the server's default locale ({@link LocaleRules}). */
@AnalyzeClasses(packages = "dev.ascent.web", importOptions = ImportOption.DoNotIncludeTests.class)
class LocaleTextTest {

    @ArchTest
    static final ArchTests locale = ArchTests.in(LocaleRules.class);
}
