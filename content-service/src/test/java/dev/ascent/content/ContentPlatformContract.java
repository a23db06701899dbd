package dev.ascent.content;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.PlatformProbes;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.content.catalog.RoleRepository;
import dev.ascent.content.catalog.RoleRow;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The content service's platform behaviour over a real channel; runs once per database engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentPlatformContract {

    private TestDatabase db;
    private RunningService service;
    private ContentServiceGrpc.ContentServiceBlockingStub stub;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.create(engine());
        Path home = Files.createTempDirectory("ascent-content-test");
        service = RunningService.start(ContentApplication.SPEC, db, home, Map.of("ascent.catalog.bundled", false));
        stub = ContentServiceGrpc.newBlockingStub(service.channel());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void healthIsServingWhileTheDatabaseAnswers() {
        assertEquals(ServingStatus.SERVING, PlatformProbes.health(service.channel(), ""));
        assertEquals(
                ServingStatus.SERVING, PlatformProbes.health(service.channel(), "ascent.content.v1.ContentService"));
    }

    @Test
    void reflectionListsTheContentService() throws Exception {
        List<String> services = PlatformProbes.reflectedServices(service.channel());
        assertTrue(services.contains("ascent.content.v1.ContentService"), services::toString);
        assertTrue(services.contains("grpc.health.v1.Health"), services::toString);
    }

    @Test
    void instantsRoundTripToTheMicrosecond() {
        RoleRepository roles = service.context().getBean(RoleRepository.class);
        Instant created = Instant.parse("2026-11-23T10:11:12.123456Z");
        Instant updated = Instant.parse("1999-12-31T23:59:59.999999Z");
        RoleRow saved = roles.save(new RoleRow(null, "time-check", "Time Check", 1, created, updated));
        RoleRow read = roles.findById(saved.id()).orElseThrow();
        assertEquals(created, read.createTime());
        assertEquals(updated, read.updateTime());
        roles.deleteById(saved.id());
    }

    @Test
    void listRolesPagesThroughEveryRoleInTitleOrder() {
        RoleRepository roles = service.context().getBean(RoleRepository.class);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (String title : List.of("Data Engineer", "Applied Scientist", "Staff Engineer")) {
            String slug = title.toLowerCase().replace(' ', '-') + "-paging";
            ids.add(roles.save(new RoleRow(null, slug, title + " Paging", 1, now, now))
                    .id());
        }
        try {
            List<String> titles = new ArrayList<>();
            String token = "";
            int pages = 0;
            do {
                ListRolesResponse page = stub.listRoles(ListRolesRequest.newBuilder()
                        .setPageSize(2)
                        .setPageToken(token)
                        .build());
                page.getRolesList().forEach(r -> titles.add(r.getTitle()));
                token = page.getNextPageToken();
                pages++;
            } while (!token.isEmpty());
            assertEquals(
                    List.of("Applied Scientist Paging", "Data Engineer Paging", "Staff Engineer Paging"),
                    titles.stream().filter(t -> t.endsWith("Paging")).toList());
            assertEquals(2, pages);
        } finally {
            ids.forEach(roles::deleteById);
        }
    }

    @Test
    void badRequestsGetSpecificStatuses() {
        assertInvalidField(
                "page_size",
                () -> stub.listRoles(
                        ListRolesRequest.newBuilder().setPageSize(-1).build()));
        assertInvalidField(
                "page_token",
                () -> stub.listRoles(ListRolesRequest.newBuilder()
                        .setPageToken("not-a-token")
                        .build()));
        assertInvalidField(
                "name",
                () -> stub.getRole(
                        GetRoleRequest.newBuilder().setName("Senior Engineer").build()));
        assertInvalidField("name", () -> stub.getRole(GetRoleRequest.getDefaultInstance()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> stub.getRole(GetRoleRequest.newBuilder()
                        .setName("roles/no-such-role")
                        .build()));
    }
}
