package dev.ascent.common.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Map;

/**
 * The ArchUnit rules both services apply to their features. A feature is a package directly under {@code root}
 * ({@code dev.ascent.tracker.plan}) with its subpackages; {@code parts} names packages that belong to another
 * feature (the content service's {@code importer} fills the tables of its {@code catalog}).
 */
public final class FeatureRules {

    private final String root;
    private final Map<String, String> parts;

    public FeatureRules(String root, Map<String, String> parts) {
        this.root = root;
        this.parts = parts;
    }

    public FeatureRules(String root) {
        this(root, Map.of());
    }

    /** No feature depends, directly or through others, on a feature that depends on it. */
    public ArchRule freeOfCycles() {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String feature = feature(c.getPackageName());
                        return feature.isEmpty() ? SliceIdentifier.ignore() : SliceIdentifier.of("feature " + feature);
                    }

                    @Override
                    public String getDescription() {
                        return "the features of " + root;
                    }
                })
                .should()
                .beFreeOfCycles();
    }

    /**
     * A feature's Micronaut Data repositories are used by that feature's classes only: other features go through
     * the owning feature's services.
     */
    public ArchRule repositoriesStayInTheirFeature() {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .areAnnotatedWith("io.micronaut.data.jdbc.annotation.JdbcRepository")
                .or()
                .resideInAPackage(root + "..")
                .and()
                .haveSimpleNameEndingWith("Repository")
                .should(beUsedOnlyInsideTheirFeature());
    }

    /** The classes of the plumbing package ({@code root.plumbing}) that {@code plumbing} selects use no feature. */
    public ArchRule plumbingDependsOnNoFeature(String plumbing, DescribedPredicate<JavaClass> selected) {
        String home = root + "." + plumbing + "..";
        return noClasses()
                .that()
                .resideInAPackage(home)
                .and(selected)
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(home))))
                .because("the plumbing sits below every feature");
    }

    public ArchRule plumbingDependsOnNoFeature(String plumbing) {
        return plumbingDependsOnNoFeature(plumbing, DescribedPredicate.alwaysTrue());
    }

    String feature(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return "";
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        String top = dot < 0 ? rest : rest.substring(0, dot);
        return parts.getOrDefault(top, top);
    }

    private ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String home = feature(repository.getPackageName());
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    if (!home.equals(feature(d.getOriginClass().getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
