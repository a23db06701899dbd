package dev.ascent.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.format.DateTimeFormatter;

/**
 * Text the code makes does not change with the default locale of the machine it runs on. {@code "ITEM"
 * .toLowerCase()} is {@code "ıtem"} under a Turkish locale, and {@code String.format("%.1f", 1.5)} is {@code "1,5"}
 * under a German one: a service on such a host would answer with other text, and compare keywords wrongly. A module
 * applies both rules to the classes its test imports with {@code @ArchTest static final ArchTests locale =
 * ArchTests.in(LocaleRules.class)}, or one of them by name.
 */
public final class LocaleRules {

    /** Case mappings name their locale ({@code Locale.ROOT} for identifiers and keywords). */
    @ArchTest
    public static final ArchRule caseMappingNamesItsLocale = noClasses()
            .should()
            .callMethod(String.class, "toLowerCase")
            .orShould()
            .callMethod(String.class, "toUpperCase")
            .because("the default locale changes the result (Turkish maps 'I' to dotless 'ı'): pass Locale.ROOT");

    /** Formatting names its locale: a service's answers and a page's labels are the same on every host. */
    @ArchTest
    public static final ArchRule formattingNamesItsLocale = noClasses()
            .should()
            .callMethod(String.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(String.class, "formatted", Object[].class)
            .orShould()
            .callMethod(DateTimeFormatter.class, "ofPattern", String.class)
            .because("the default locale changes digits, separators and month names: pass Locale.ROOT (or"
                    + " Locale.ENGLISH for English words)");

    private LocaleRules() {}
}
