package dev.ascent.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.SalaryRange;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A re-import writes only what changed (rows that stay are left alone, skill mentions and salaries are diffed), so
 * what it must guarantee is that the catalog ends exactly as a fresh import of the new text would leave it. Each
 * case imports a text into one role, then an edited text over it, and compares the role with a fresh import of the
 * edited text into another role (ids, names, revisions and times aside); runs once per database engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReimportContract {
    private ContentHarness content;

    protected abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        content = ContentHarness.start(engine(), false);
    }

    @AfterAll
    void stop() {
        if (content != null) {
            content.close();
        }
    }

    @Test
    void aReimportEndsAsAFreshImportOfTheNewText() {
        List<String> a = corpusLines("02-data-platform-engineer.txt");
        List<String> b = new ArrayList<>(a);
        replace(b, "- Senior: $155,000 - $190,000", "- Senior: $160,000 - $195,000"); // a salary changes
        remove(b, "Challenges"); // a whole section goes: its heading, topic and items
        remove(b, "Ownership Gaps");
        remove(b, "- Nobody owns the upstream schema");
        remove(b, "- Cost of idle clusters goes unnoticed");
        replace(b, "Data Quality", "Data Trust"); // a topic renamed: its items are new rows
        remove(b, "- dbt"); // a skill no longer mentioned
        insertAfter(b, "- SQL", "- Quantum Annealing"); // a skill no role mentioned before
        insertAfter(b, "- Python", "- Python"); // the same bullet twice
        b.add(2, ""); // every later line moves down by one

        ImportGuideResponse first = importText("Reimport Check", "reimport.txt", a);
        Role asFirstImported = shape(first.getRole());
        ImportGuideResponse second = importText("Reimport Check", "reimport.txt", b);
        ImportGuideResponse fresh = importText("Fresh Check", "fresh.txt", b);

        assertFalse(second.getUnchanged());
        assertEquals(2, second.getRole().getRevision());
        assertEquals(shape(fresh.getRole()), shape(second.getRole()));
        assertEquals(shape(fresh.getRole()), shape(role("roles/reimport-check")));
        assertEquals(
                fresh.getCounts().getItemsCreated(),
                second.getCounts().getItemsCreated() + second.getCounts().getItemsKept());
        assertTrue(second.getCounts().getItemsRemoved() >= 4, second.getCounts()::toString);
        assertTrue(
                second.getRole().getSkillsList().stream()
                        .noneMatch(s -> s.getSkill().equals("skills/dbt")),
                second.getRole()::toString);

        // and back: the first text again leaves the role as its first import did
        ImportGuideResponse third = importText("Reimport Check", "reimport.txt", a);
        assertEquals(3, third.getRole().getRevision());
        assertEquals(asFirstImported, shape(third.getRole()));
        assertEquals(asFirstImported, shape(role("roles/reimport-check")));
    }

    @Test
    void aReimportThatMovesNoLineKeepsEveryRowAsItWas() {
        List<String> a = corpusLines("03-security-engineer.txt");
        Role before = importText("Trailing Newline Check", "newline.txt", a).getRole();
        List<String> b = new ArrayList<>(a);
        b.add(""); // a trailing newline: a new text, a new revision, the same lines
        ImportGuideResponse again = importText("Trailing Newline Check", "newline.txt", b);
        assertFalse(again.getUnchanged());
        assertEquals(0, again.getCounts().getItemsCreated());
        assertEquals(0, again.getCounts().getItemsRemoved());
        // the same rows, ids and all: only the revision, the time and the source's line count moved
        assertEquals(
                before.toBuilder()
                        .clearRevision()
                        .clearUpdateTime()
                        .clearEtag()
                        .clearSources()
                        .build(),
                again.getRole().toBuilder()
                        .clearRevision()
                        .clearUpdateTime()
                        .clearEtag()
                        .clearSources()
                        .build());
    }

    private Role role(String name) {
        return content.stub()
                .getRole(GetRoleRequest.newBuilder().setName(name).build())
                .getRole();
    }

    private ImportGuideResponse importText(String title, String sourceName, List<String> lines) {
        return content.admin()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setTitle(title)
                        .setSourceName(sourceName)
                        .setText(ByteString.copyFrom(String.join("\n", lines), StandardCharsets.UTF_8))
                        .build());
    }

    /** What an import's text decides of a role: everything but names, ids, the title, revisions and times. */
    private static Role shape(Role role) {
        Role.Builder r = role.toBuilder()
                .clearName()
                .clearTitle()
                .clearRevision()
                .clearUpdateTime()
                .clearEtag()
                .clearSources();
        for (Section.Builder s : r.getSectionsBuilderList()) {
            s.clearName().getProvenanceBuilder().clearSourceName();
            for (Topic.Builder t : s.getTopicsBuilderList()) {
                t.clearName().getProvenanceBuilder().clearSourceName();
                t.getItemsBuilderList()
                        .forEach(i -> i.clearName().getProvenanceBuilder().clearSourceName());
            }
        }
        for (SalaryRange.Builder s : r.getSalaryRangesBuilderList()) {
            s.getProvenanceBuilder().clearSourceName();
        }
        return r.build();
    }

    private static List<String> corpusLines(String name) {
        try (InputStream in = ReimportContract.class.getResourceAsStream("/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(List<String> lines, String line, String with) {
        lines.set(indexOf(lines, line), with);
    }

    private static void remove(List<String> lines, String line) {
        lines.remove(indexOf(lines, line));
    }

    private static void insertAfter(List<String> lines, String line, String added) {
        lines.add(indexOf(lines, line) + 1, added);
    }

    private static int indexOf(List<String> lines, String line) {
        int at = lines.indexOf(line);
        if (at < 0) {
            throw new IllegalArgumentException("no line '" + line + "' in the guide");
        }
        return at;
    }
}
