package dev.ascent.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Generated proto types ({@code dev.ascent.proto..}) stay at the gRPC edge of the tracker. Only these may use them:
 * <ul>
 *   <li>endpoints: classes named {@code *GrpcEndpoint};</li>
 *   <li>proto mappers: {@code *ProtoMapper} (views to protos) and {@code *Requests} (proto requests to commands);</li>
 *   <li>the gRPC plumbing: {@code dev.ascent.tracker.grpc} (idempotency, time stamps) and
 *       {@code dev.ascent.tracker.content}, the client of the content service, which turns its protos into the
 *       tracker's own records;</li>
 * </ul>
 * and the classes nested in them. Services, repositories and everything else take and return the tracker's own
 * types, so a proto change reaches no business rule.
 */
@AnalyzeClasses(packages = "dev.ascent.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointLayerArchTest {

    static final DescribedPredicate<JavaClass> NOT_AT_THE_EDGE = DescribedPredicate.describe(
            "are not endpoints (*GrpcEndpoint), proto mappers (*ProtoMapper, *Requests) or gRPC plumbing "
                    + "(tracker.grpc, tracker.content)",
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
                || name.endsWith("Requests")
                || top.getPackageName().equals("dev.ascent.tracker.grpc")
                || top.getPackageName().equals("dev.ascent.tracker.content");
    }
}
