package dev.ascent.common.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The ArchUnit rules both services apply to their feature packages: every package directly under {@code root}
 * ({@code dev.ascent.tracker.plan}, with its subpackages) is one feature.
 */
public final class FeatureRules {

    private FeatureRules() {
    }

    /** No feature depends, directly or through others, on a feature that depends on it. */
    public static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    /**
     * A feature's Micronaut Data repositories are used by that feature's classes only: other features go through
     * the owning feature's services.
     */
    public static ArchRule repositoriesStayInTheirFeature(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areAnnotatedWith("io.micronaut.data.jdbc.annotation.JdbcRepository")
                .or().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("Repository")
                .should(beUsedOnlyInsideTheirFeature(root));
    }

    /** The service's shared plumbing package ({@code root.plumbing}) uses no feature of the service. */
    public static ArchRule plumbingDependsOnNoFeature(String root, String plumbing) {
        String home = root + "." + plumbing + "..";
        return noClasses().that().resideInAPackage(home)
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(home))))
                .because("the plumbing sits below every feature");
    }

    static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return "";
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature(String root) {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String home = feature(root, repository.getPackageName());
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    if (!home.equals(feature(root, d.getOriginClass().getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
