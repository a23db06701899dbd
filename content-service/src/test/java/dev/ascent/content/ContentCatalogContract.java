package dev.ascent.content;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.Bearer;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.CompareRolesRequest;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.ContentServiceGrpc.ContentServiceBlockingStub;
import dev.ascent.proto.content.v1.GetChecklistRequest;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.GetSkillRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.content.v1.Item;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListSkillsRequest;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.RoleSkill;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.content.v1.SearchContentResponse;
import dev.ascent.proto.content.v1.SearchHitKind;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.SectionKind;
import dev.ascent.proto.content.v1.Skill;
import dev.ascent.proto.content.v1.SkillRole;
import dev.ascent.proto.content.v1.Topic;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog API over a real channel, fed with the four seed documents; runs once per database engine.
 * Expectations come from reading the documents (titles, kinds, counts) and from the documents' own lines at test
 * time, never from pasted text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentCatalogContract {

    static final String SMLE = "roles/senior-machine-learning-engineer";
    static final String SCIENTIST = "roles/senior-machine-learning-scientist";
    static final String SWE_ML = "roles/senior-software-engineer-specializing-in-machine-learning";

    private ContentHarness content;
    private final Map<String, ImportGuideResponse> firstImports = new HashMap<>();

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(engine(), false);
        for (String seed : List.of("000_", "001_", "002_", "003_")) {
            firstImports.put(seed, content.importSeed(seed));
        }
    }

    @AfterAll
    void stop() {
        if (content != null) {
            content.close();
        }
    }

    private ContentServiceBlockingStub stub() {
        return content.stub();
    }

    private Role role(String name) {
        return stub().getRole(GetRoleRequest.newBuilder().setName(name).build()).getRole();
    }

    private static Section section(Role role, SectionKind kind) {
        return role.getSectionsList().stream()
                .filter(s -> s.getKind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachSeedImportsAsItsRole() {
        assertEquals(SMLE, firstImports.get("000_").getRole().getName());
        assertEquals(
                "Senior Machine Learning Engineer",
                firstImports.get("000_").getRole().getTitle());
        assertEquals(SCIENTIST, firstImports.get("001_").getRole().getName());
        assertEquals(SWE_ML, firstImports.get("002_").getRole().getName());
        assertEquals(
                "Senior Software Engineer specializing in Machine Learning",
                firstImports.get("002_").getRole().getTitle());
        assertEquals(SMLE, firstImports.get("003_").getRole().getName());
        assertTrue(firstImports.get("000_").getCounts().getRoleCreated());
        assertFalse(firstImports.get("003_").getCounts().getRoleCreated());
        List<String> titles = stub().listRoles(ListRolesRequest.getDefaultInstance()).getRolesList().stream()
                .map(Role::getTitle)
                .filter(t -> t.startsWith("Senior"))
                .toList();
        assertEquals(
                List.of(
                        "Senior Machine Learning Engineer",
                        "Senior Machine Learning Scientist",
                        "Senior Software Engineer specializing in Machine Learning"),
                titles);
    }

    @Test
    void longFormSectionsComeInCanonicalKindOrder() {
        List<SectionKind> kinds =
                role(SCIENTIST).getSectionsList().stream().map(Section::getKind).toList();
        assertEquals(
                List.of(
                        SectionKind.SECTION_KIND_OVERVIEW,
                        SectionKind.SECTION_KIND_RESPONSIBILITIES,
                        SectionKind.SECTION_KIND_REQUIREMENTS,
                        SectionKind.SECTION_KIND_CAREER_DEVELOPMENT,
                        SectionKind.SECTION_KIND_MARKET_DEMAND,
                        SectionKind.SECTION_KIND_SALARY,
                        SectionKind.SECTION_KIND_INDUSTRY_TRENDS,
                        SectionKind.SECTION_KIND_SOFT_SKILLS,
                        SectionKind.SECTION_KIND_BEST_PRACTICES,
                        SectionKind.SECTION_KIND_CHALLENGES),
                kinds);
    }

    @Test
    void theTwoEngineerGuidesMergeIntoOneRoleWithProvenanceFromBoth() {
        Role smle = role(SMLE);
        assertEquals(2, smle.getSourcesCount());
        assertEquals(
                List.of(
                        ContentHarness.seed("000_").getFileName().toString(),
                        ContentHarness.seed("003_").getFileName().toString()),
                smle.getSourcesList().stream().map(s -> s.getSourceName()).toList());
        List<String> provenance = new ArrayList<>();
        smle.getSectionsList()
                .forEach(s -> s.getTopicsList()
                        .forEach(t -> t.getItemsList()
                                .forEach(i -> provenance.add(i.getProvenance().getSourceName()))));
        assertTrue(provenance.containsAll(
                smle.getSourcesList().stream().map(s -> s.getSourceName()).toList()));
        // The short guide brings next steps and skill gaps the long one does not have.
        assertEquals(
                7,
                section(smle, SectionKind.SECTION_KIND_NEXT_STEPS).getTopicsList().stream()
                        .mapToInt(Topic::getItemsCount)
                        .sum());
        assertFalse(section(smle, SectionKind.SECTION_KIND_SKILL_GAPS)
                .getTopicsList()
                .isEmpty());
    }

    @Test
    void everyItemPointsAtItsOwnLineInItsSource() {
        for (String seed : List.of("000_", "001_", "002_", "003_")) {
            String source = ContentHarness.seed(seed).getFileName().toString();
            List<String> lines = ContentHarness.lines(seed);
            Role role = firstImports.get(seed).getRole();
            int checked = 0;
            for (Section s : role.getSectionsList()) {
                for (Topic t : s.getTopicsList()) {
                    for (Item i : t.getItemsList()) {
                        if (i.getProvenance().getSourceName().equals(source)) {
                            String line = lines.get(i.getProvenance().getLine() - 1);
                            assertTrue(line.contains(i.getText()), () -> i + " not in: " + line);
                            checked++;
                        }
                    }
                }
            }
            assertTrue(checked > 20, seed + " has items");
        }
    }

    @Test
    void bestPracticeTopicsHoldExactlyTheBulletsUnderTheirHeading() {
        for (String seed : List.of("000_", "001_", "002_")) {
            List<String> lines = ContentHarness.lines(seed);
            Section best = section(firstImports.get(seed).getRole(), SectionKind.SECTION_KIND_BEST_PRACTICES);
            Section next = section(firstImports.get(seed).getRole(), SectionKind.SECTION_KIND_CHALLENGES);
            List<Topic> topics = best.getTopicsList();
            assertTrue(topics.size() >= 3, seed);
            for (int t = 0; t < topics.size(); t++) {
                int from = topics.get(t).getProvenance().getLine();
                int to = t + 1 < topics.size()
                        ? topics.get(t + 1).getProvenance().getLine()
                        : next.getProvenance().getLine();
                assertEquals(
                        lines.get(from - 1).strip().replaceFirst("^\\d+\\.\\s*", ""),
                        topics.get(t).getTitle());
                List<String> bullets = lines.subList(from, to - 1).stream()
                        .map(String::strip)
                        .filter(l -> l.startsWith("- "))
                        .map(l -> l.substring(2).strip())
                        .toList();
                List<String> items =
                        topics.get(t).getItemsList().stream().map(Item::getText).toList();
                assertEquals(
                        bullets.size(), items.size(), seed + " " + topics.get(t).getTitle());
                for (int i = 0; i < items.size(); i++) {
                    // The last bullet of the section may have had a glued closing summary split off.
                    assertTrue(bullets.get(i).startsWith(items.get(i)), items.get(i) + " vs " + bullets.get(i));
                }
            }
        }
    }

    @Test
    void aGluedClosingSummaryIsSplitOffTheLastBullet() {
        List<String> lines = ContentHarness.lines("000_");
        Section best = section(firstImports.get("000_").getRole(), SectionKind.SECTION_KIND_BEST_PRACTICES);
        Topic last = best.getTopics(best.getTopicsCount() - 1);
        Item item = last.getItems(last.getItemsCount() - 1);
        String line = lines.get(item.getProvenance().getLine() - 1).strip().substring(2);
        assertNotEquals(line, item.getText());
        assertFalse(best.getSummary().isEmpty());
        assertEquals(
                line,
                item.getText() + " "
                        + best.getSummary().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void reimportingAnIdenticalDocumentChangesNothing() {
        Role before = role(SMLE);
        ImportGuideResponse again = content.importSeed("000_");
        assertTrue(again.getUnchanged());
        assertEquals(before.getRevision(), role(SMLE).getRevision());
        assertEquals(before, role(SMLE));
    }

    @Test
    void aChangedDocumentMakesANewRevisionAndKeepsUnchangedItemIds() {
        List<String> lines = new ArrayList<>(ContentHarness.lines("002_"));
        Role before = role(SWE_ML);
        Section best = section(before, SectionKind.SECTION_KIND_BEST_PRACTICES);
        Item changed = best.getTopics(0).getItems(0);
        Item kept = best.getTopics(1).getItems(0);
        int at = changed.getProvenance().getLine() - 1;
        lines.set(at, lines.get(at) + " (revised)");
        lines.add(at, ""); // shift every later line by one
        ImportGuideResponse r = content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFromUtf8(String.join("\n", lines)))
                        .setSourceName(ContentHarness.seed("002_").getFileName().toString())
                        .build());
        assertFalse(r.getUnchanged());
        assertEquals(1, r.getCounts().getItemsCreated());
        assertEquals(1, r.getCounts().getItemsRemoved());
        Role after = role(SWE_ML);
        assertEquals(before.getRevision() + 1, after.getRevision());
        assertEquals(2, after.getSources(0).getRevision());
        Section bestAfter = section(after, SectionKind.SECTION_KIND_BEST_PRACTICES);
        assertEquals(kept.getName(), bestAfter.getTopics(1).getItems(0).getName());
        assertEquals(
                kept.getProvenance().getLine() + 1,
                bestAfter.getTopics(1).getItems(0).getProvenance().getLine());
        assertNotEquals(changed.getName(), bestAfter.getTopics(0).getItems(0).getName());
        assertEquals(best.getTopics(0).getName(), bestAfter.getTopics(0).getName());
    }

    @Test
    void aDryRunReturnsTheParseAndStoresNothing() {
        String text = "Staff Data Platform Engineer\nCareer GuideKey Responsibilities\n- Own the ingestion platform\n"
                + "- Set data contracts with producers\nTop Skills\n- Apache Spark\n- Data Modeling\n";
        ImportGuideResponse dry = content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFromUtf8(text))
                        .setDryRun(true)
                        .build());
        assertEquals("roles/staff-data-platform-engineer", dry.getRole().getName());
        assertTrue(dry.getCounts().getItemsCreated() >= 2);
        assertStatus(Status.Code.NOT_FOUND, () -> role("roles/staff-data-platform-engineer"));
    }

    @Test
    void concurrentImportsIntoOneNewRoleAllLand() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ImportGuideResponse>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String text = "Principal Applied Scientist\nCareer GuideTop Skills\n- Causal Inference\n- Skill " + i
                        + "\nNext Steps\n1. Publish an internal paper about topic " + i + "\n";
                String source = "concurrent-" + i;
                results.add(pool.submit(() -> content.admin()
                        .importGuide(ImportGuideRequest.newBuilder()
                                .setText(ByteString.copyFromUtf8(text))
                                .setSourceName(source)
                                .build())));
            }
            for (var f : results) {
                assertEquals(
                        "roles/principal-applied-scientist", f.get().getRole().getName());
            }
        } finally {
            pool.shutdownNow();
        }
        Role merged = role("roles/principal-applied-scientist");
        assertEquals(4, merged.getSourcesCount());
        assertEquals(4, merged.getRevision());
    }

    @Test
    void aRoleImportedAfterAListingIsListedAtOnceAndPagesFollowTheTitleOrder() {
        List<String> before = allRoleTitles();
        content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setSourceName("listed-at-once")
                        .setText(
                                ByteString.copyFromUtf8("Aardvark Listing Engineer\nCareer GuideTop Skills\n- Sorting\n"
                                        + "Next Steps\n1. Sort the list\n"))
                        .build());
        List<String> after = allRoleTitles();
        assertEquals("Aardvark Listing Engineer", after.get(0));
        assertEquals(before, after.subList(1, after.size()));
    }

    /** The titles of every role, read one page of two at a time. */
    private List<String> allRoleTitles() {
        List<String> titles = new ArrayList<>();
        String token = "";
        do {
            var page = stub().listRoles(ListRolesRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            assertTrue(page.getRolesCount() <= 2);
            page.getRolesList().forEach(r -> titles.add(r.getTitle()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return titles;
    }

    @Test
    void importsNeedTheAdminToken() {
        ImportGuideRequest request = ImportGuideRequest.newBuilder()
                .setText(ByteString.copyFrom(ContentHarness.bytes(ContentHarness.seed("003_"))))
                .build();
        assertStatus(Status.Code.UNAUTHENTICATED, () -> stub().importGuide(request));
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> stub().withCallCredentials(Bearer.token("not-admin")).importGuide(request));
    }

    @Test
    void unreadableDocumentsAreInvalidArgumentsThatSayWhy() {
        ContentServiceBlockingStub admin = content.admin();
        var empty = assertInvalidField(
                "text",
                () -> admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFromUtf8("  \n\t "))
                        .build()));
        assertTrue(
                empty.getStatus().getDescription().contains("empty"),
                empty.getStatus().getDescription());
        var binary = assertInvalidField(
                "text",
                () -> admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(new byte[] {'a', '\n', 'b', 0, 1, 2}))
                        .build()));
        assertTrue(
                binary.getStatus().getDescription().contains("line 2"),
                binary.getStatus().getDescription());
        assertInvalidField(
                "text",
                () -> admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28}))
                        .build()));
        var huge = assertInvalidField(
                "text",
                () -> admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFromUtf8("x".repeat(1_048_577)))
                        .build()));
        assertTrue(
                huge.getStatus().getDescription().contains("MiB")
                        || huge.getStatus().getDescription().contains("1048576"),
                huge.getStatus().getDescription());
        var prose = assertInvalidField(
                "text",
                () -> admin.importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFromUtf8("Just a paragraph of text.\nAnd another line of it."))
                        .build()));
        assertTrue(
                prose.getStatus().getDescription().contains("section"),
                prose.getStatus().getDescription());
        assertTrue(stub().listRoles(ListRolesRequest.getDefaultInstance()).getRolesList().stream()
                .noneMatch(r -> r.getTitle().startsWith("Just")));
    }

    @Test
    void skillsAreSharedAcrossRolesWithWeights() {
        List<Skill> skills = stub().listSkills(
                        ListSkillsRequest.newBuilder().setPageSize(100).build())
                .getSkillsList();
        assertFalse(skills.isEmpty());
        Skill top = skills.get(0);
        assertTrue(top.getRoleCount() >= 2, top.toString());
        Skill detail = stub().getSkill(
                        GetSkillRequest.newBuilder().setName(top.getName()).build())
                .getSkill();
        assertEquals(top.getRoleCount(), detail.getRolesCount());
        assertTrue(detail.getRoles(0).getWeight()
                >= detail.getRoles(detail.getRolesCount() - 1).getWeight());
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> stub().getSkill(GetSkillRequest.newBuilder()
                        .setName("skills/underwater basket weaving")
                        .build()));
        assertInvalidField(
                "name",
                () -> stub().getSkill(
                                GetSkillRequest.newBuilder().setName("python").build()));
        List<Skill> ofRole = stub().listSkills(ListSkillsRequest.newBuilder()
                        .setRole(SCIENTIST)
                        .setPageSize(100)
                        .build())
                .getSkillsList();
        assertEquals(role(SCIENTIST).getSkillsCount(), ofRole.size());
    }

    /** A role's skills (assembled with the role) agree with each skill's roles (summed by another query). */
    @Test
    void aRolesSkillsAgreeWithEachSkillsRoles() {
        Role role = role(SCIENTIST);
        assertFalse(role.getSkillsList().isEmpty());
        for (RoleSkill rs : role.getSkillsList()) {
            Skill skill = stub().getSkill(
                            GetSkillRequest.newBuilder().setName(rs.getSkill()).build())
                    .getSkill();
            assertEquals(skill.getDisplayName(), rs.getDisplayName(), rs.getSkill());
            SkillRole mine = skill.getRolesList().stream()
                    .filter(r -> r.getRole().equals(SCIENTIST))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(rs.getSkill() + " does not list " + SCIENTIST));
            assertEquals(mine.getWeight(), rs.getWeight(), 1e-9, rs.getSkill());
        }
    }

    @Test
    void compareRolesRanksWhatTheTargetAsksForAndTheSourceDoesNot() {
        CompareRolesResponse c = stub().compareRoles(CompareRolesRequest.newBuilder()
                .setFromRole(SWE_ML)
                .setToRole(SCIENTIST)
                .build());
        assertFalse(c.getMissingTopicsList().isEmpty());
        for (int i = 1; i < c.getMissingSkillsCount(); i++) {
            assertTrue(c.getMissingSkills(i - 1).getWeight()
                    >= c.getMissingSkills(i).getWeight());
        }
        Role from = role(SWE_ML);
        List<String> fromSkills =
                from.getSkillsList().stream().map(s -> s.getSkill()).toList();
        c.getMissingSkillsList().forEach(s -> assertFalse(fromSkills.contains(s.getSkill()), s.toString()));
        CompareRolesResponse same = stub().compareRoles(CompareRolesRequest.newBuilder()
                .setFromRole(SCIENTIST)
                .setToRole(SCIENTIST)
                .build());
        assertEquals(0, same.getMissingSkillsCount());
        assertEquals(0, same.getMissingTopicsCount());
        assertInvalidField(
                "to_role",
                () -> stub().compareRoles(CompareRolesRequest.newBuilder()
                        .setFromRole(SCIENTIST)
                        .build()));
    }

    @Test
    void bestPracticeTopicsAreChecklists() {
        var lists = stub().listChecklists(ListChecklistsRequest.newBuilder()
                        .setRole(SCIENTIST)
                        .setPageSize(100)
                        .build())
                .getChecklistsList();
        Section best = section(role(SCIENTIST), SectionKind.SECTION_KIND_BEST_PRACTICES);
        assertEquals(
                best.getTopicsList().stream().filter(t -> t.getItemsCount() > 0).count(), lists.size());
        var one = stub().getChecklist(GetChecklistRequest.newBuilder()
                        .setName(lists.get(0).getName())
                        .build())
                .getChecklist();
        assertEquals(lists.get(0), one);
        assertEquals(
                best.getTopics(0).getItemsList().stream().map(Item::getText).toList(),
                one.getItemsList().stream().map(i -> i.getText()).toList());
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> stub().getChecklist(GetChecklistRequest.newBuilder()
                        .setName("checklists/999999999")
                        .build()));
    }

    @Test
    void searchRanksTitleMatchesFirstAndPaginates() {
        SearchContentResponse r = stub().searchContent(SearchContentRequest.newBuilder()
                .setQuery("monitoring")
                .setPageSize(5)
                .build());
        assertEquals(5, r.getHitsCount());
        assertFalse(r.getNextPageToken().isEmpty());
        for (int i = 1; i < r.getHitsCount(); i++) {
            assertTrue(r.getHits(i - 1).getScore() >= r.getHits(i).getScore());
        }
        assertTrue(
                r.getHits(0).getTitle().toLowerCase().contains("monitoring"),
                r.getHits(0).toString());
        SearchContentResponse roles = stub().searchContent(SearchContentRequest.newBuilder()
                .setQuery("scientist")
                .setRole(SCIENTIST)
                .build());
        assertTrue(roles.getHitsList().stream().anyMatch(h -> h.getKind() == SearchHitKind.SEARCH_HIT_KIND_ROLE));
        assertTrue(roles.getHitsList().stream().allMatch(h -> h.getRole().equals(SCIENTIST)));
        assertInvalidField(
                "query",
                () -> stub().searchContent(
                                SearchContentRequest.newBuilder().setQuery("!").build()));
    }
}
