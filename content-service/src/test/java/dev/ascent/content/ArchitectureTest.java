package dev.ascent.content;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.ascent.common.testing.FeatureRules;
import dev.ascent.common.testing.LocaleRules;
import java.util.Arrays;
import java.util.Map;

/**
 * The content service's features, as docs/ARCHITECTURE.md ("Features and layers") draws them: {@code catalog}
 * (with {@code importer}, which fills the catalog's tables) and {@code practice}; {@code grpc} holds the edge (the
 * endpoints and their proto mapper) and the plumbing.
 */
@AnalyzeClasses(packages = "dev.ascent.content", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final FeatureRules FEATURES = new FeatureRules("dev.ascent.content", Map.of("importer", "catalog"));

    /**
     * The plumbing: everything in grpc but the endpoints and the proto mapper (their nested and generated classes,
     * {@code ContentGrpcEndpoint$1}, {@code $ContentGrpcEndpoint$Definition}, count as theirs).
     */
    private static final DescribedPredicate<JavaClass> PLUMBING =
            DescribedPredicate.describe("are not endpoints or proto mappers", c -> {
                String top = Arrays.stream(c.getName()
                                .substring(c.getPackageName().length() + 1)
                                .split("\\$"))
                        .filter(part -> !part.isEmpty())
                        .findFirst()
                        .orElse("");
                return !top.endsWith("GrpcEndpoint") && !top.endsWith("ProtoMapper");
            });

    @ArchTest
    static final ArchRule featuresHaveNoCycles = FEATURES.freeOfCycles();

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = FEATURES.repositoriesStayInTheirFeature();

    @ArchTest
    static final ArchRule plumbingDependsOnNoFeature = FEATURES.plumbingDependsOnNoFeature("grpc", PLUMBING);

    @ArchTest
    static final ArchTests locale = ArchTests.in(LocaleRules.class);
}
