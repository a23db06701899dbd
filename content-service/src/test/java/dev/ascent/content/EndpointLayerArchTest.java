package dev.ascent.content;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Generated proto types ({@code dev.ascent.proto..}) stay at the gRPC edge of the content service. Only these may
 * use them: endpoints ({@code *GrpcEndpoint}), proto mappers ({@code *ProtoMapper}), and the gRPC package
 * {@code dev.ascent.content.grpc} that holds them with its plumbing (resource names, the admin token check), plus
 * the classes nested in them. The catalog, importer and practice features take and return their own types.
 */
@AnalyzeClasses(packages = "dev.ascent.content", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointLayerArchTest {

    static final DescribedPredicate<JavaClass> NOT_AT_THE_EDGE = DescribedPredicate.describe(
            "are not endpoints (*GrpcEndpoint), proto mappers (*ProtoMapper) or the gRPC package (content.grpc)",
            c -> !atTheEdge(c));

    @ArchTest
    static final ArchRule PROTOS_STAY_AT_THE_EDGE =
            noClasses().that(NOT_AT_THE_EDGE).should().dependOnClassesThat().resideInAPackage("dev.ascent.proto..");

    private static boolean atTheEdge(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        String name = top.getSimpleName();
        return name.endsWith("GrpcEndpoint")
                || name.endsWith("ProtoMapper")
                || top.getPackageName().equals("dev.ascent.content.grpc");
    }
}
