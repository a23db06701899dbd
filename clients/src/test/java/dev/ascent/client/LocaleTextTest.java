package dev.ascent.client;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ascent.common.testing.LocaleRules;

/**
 * The client library and the CLI map case the same way on every host: commands, ratings and exported categories
 * are keywords ({@link LocaleRules}). The CLI's numbers for people may follow the user's locale, so formatting is
 * not checked here.
 */
@AnalyzeClasses(
        packages = {"dev.ascent.cli", "dev.ascent.client"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class LocaleTextTest {

    @ArchTest
    static final ArchRule caseMappingNamesItsLocale = LocaleRules.caseMappingNamesItsLocale;
}
