package dev.ascent.content.grpc;

import com.google.protobuf.Timestamp;
import dev.ascent.content.catalog.CatalogSearch;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.Checklists;
import dev.ascent.content.catalog.RoleComparison;
import dev.ascent.content.catalog.RoleView;
import dev.ascent.content.catalog.SkillQueries;
import dev.ascent.content.importer.SectionKind;
import dev.ascent.content.practice.DesignPrompts;
import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.ChecklistItem;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.DesignPhase;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.DesignStep;
import dev.ascent.proto.content.v1.Item;
import dev.ascent.proto.content.v1.Provenance;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.RoleSkill;
import dev.ascent.proto.content.v1.SalaryPeriod;
import dev.ascent.proto.content.v1.SalaryRange;
import dev.ascent.proto.content.v1.SearchHit;
import dev.ascent.proto.content.v1.SearchHitKind;
import dev.ascent.proto.content.v1.Section;
import dev.ascent.proto.content.v1.Skill;
import dev.ascent.proto.content.v1.SkillGap;
import dev.ascent.proto.content.v1.SkillRole;
import dev.ascent.proto.content.v1.Source;
import dev.ascent.proto.content.v1.Topic;
import dev.ascent.proto.content.v1.TopicGap;
import java.time.Instant;

/** Catalog views (roles, skills, comparisons, search hits, practice material) to proto messages. */
final class CatalogProtoMapper {

    private CatalogProtoMapper() {}

    /** The role without its structure, for lists. */
    static Role roleHeader(RoleView role) {
        return Role.newBuilder()
                .setName(role.name())
                .setTitle(role.title())
                .setSummary(role.summary())
                .setRevision(role.revision())
                .setUpdateTime(timestamp(role.updateTime()))
                .setEtag(etag(role))
                .build();
    }

    static Role role(RoleView role) {
        Role.Builder b = roleHeader(role).toBuilder();
        for (RoleView.Section s : role.sections()) {
            b.addSections(section(role, s));
        }
        role.skills()
                .forEach(s -> b.addSkills(RoleSkill.newBuilder()
                        .setSkill("skills/" + s.key())
                        .setDisplayName(s.displayName())
                        .setWeight(s.weight())));
        role.salaries().forEach(s -> b.addSalaryRanges(salary(s)));
        role.sources()
                .forEach(s -> b.addSources(Source.newBuilder()
                        .setSourceName(s.sourceName())
                        .setRevision(s.revision())
                        .setContentSha256(s.sha256())
                        .setImportTime(timestamp(s.importTime()))
                        .setLineCount(s.lineCount())));
        return b.build();
    }

    static Skill skill(SkillQueries.SkillSummary s) {
        return Skill.newBuilder()
                .setName("skills/" + s.key())
                .setDisplayName(s.displayName())
                .setRoleCount(s.roleCount())
                .build();
    }

    /** A skill with the roles that ask for it. */
    static Skill skill(CatalogService.SkillDetail detail) {
        Skill.Builder skill = skill(detail.skill()).toBuilder();
        detail.roles()
                .forEach(r -> skill.addRoles(SkillRole.newBuilder()
                        .setRole("roles/" + r.roleSlug())
                        .setTitle(r.roleTitle())
                        .setWeight(r.weight())));
        return skill.build();
    }

    static CompareRolesResponse comparison(RoleView from, RoleView to, RoleComparison.Result result) {
        CompareRolesResponse.Builder out = CompareRolesResponse.newBuilder()
                .setFromRole(from.name())
                .setToRole(to.name())
                .addAllSharedSkills(result.sharedSkills());
        result.missingSkills()
                .forEach(s -> out.addMissingSkills(SkillGap.newBuilder()
                        .setSkill("skills/" + s.key())
                        .setDisplayName(s.displayName())
                        .setWeight(s.weight())));
        result.missingTopics()
                .forEach(t -> out.addMissingTopics(TopicGap.newBuilder()
                        .setTopic(to.name() + "/topics/" + t.topicId())
                        .setTitle(t.title())
                        .setSectionKind(kind(t.kind()))
                        .setScore(t.score())));
        return out.build();
    }

    static String etag(RoleView role) {
        return role.revision() + "-" + role.updateTime().toEpochMilli();
    }

    private static Section section(RoleView role, RoleView.Section s) {
        Section.Builder b = Section.newBuilder()
                .setName(role.name() + "/sections/" + s.id())
                .setKind(kind(s.kind()))
                .setTitle(s.heading())
                .setText(s.intro())
                .setSummary(s.summary())
                .setProvenance(provenance(s.provenance()));
        for (RoleView.Topic t : s.topics()) {
            b.addTopics(topic(role, t));
        }
        return b.build();
    }

    static Topic topic(RoleView role, RoleView.Topic t) {
        Topic.Builder b = Topic.newBuilder()
                .setName(role.name() + "/topics/" + t.id())
                .setTitle(t.title())
                .setText(t.text())
                .setProvenance(provenance(t.provenance()));
        t.items()
                .forEach(i -> b.addItems(Item.newBuilder()
                        .setName(role.name() + "/items/" + i.id())
                        .setText(i.text())
                        .setProvenance(provenance(i.provenance()))));
        return b.build();
    }

    private static SalaryRange salary(RoleView.Salary s) {
        return SalaryRange.newBuilder()
                .setLabel(s.label() == null ? "" : s.label())
                .setMin(s.min() == null ? 0 : s.min())
                .setMax(s.max() == null ? 0 : s.max())
                .setCurrency(s.currency())
                .setPeriod(
                        "HOUR".equals(s.period()) ? SalaryPeriod.SALARY_PERIOD_HOUR : SalaryPeriod.SALARY_PERIOD_YEAR)
                .setRawText(s.rawText())
                .setProvenance(provenance(s.provenance()))
                .build();
    }

    static dev.ascent.proto.content.v1.SectionKind kind(SectionKind kind) {
        return dev.ascent.proto.content.v1.SectionKind.valueOf("SECTION_KIND_" + kind.name());
    }

    static Provenance provenance(RoleView.Provenance p) {
        return Provenance.newBuilder()
                .setSourceName(p.sourceName())
                .setLine(p.line())
                .build();
    }

    static Checklist checklist(Checklists.Checklist c) {
        Checklist.Builder b = Checklist.newBuilder()
                .setName(c.name())
                .setTitle(c.title())
                .setRole(c.role().name());
        c.topic()
                .items()
                .forEach(i -> b.addItems(ChecklistItem.newBuilder()
                        .setName(c.role().name() + "/items/" + i.id())
                        .setText(i.text())
                        .setProvenance(provenance(i.provenance()))));
        return b.build();
    }

    static DesignPrompt designPrompt(DesignPrompts.Prompt p) {
        DesignPrompt.Builder b = DesignPrompt.newBuilder()
                .setName(p.name())
                .setTitle(p.spec().title())
                .setSummary(firstSentence(p.spec().summary()))
                .setScenario(p.spec().summary())
                .setSuggestedMinutes(p.spec().suggestedMinutes());
        for (DesignPrompts.Step s : p.steps()) {
            b.addSteps(DesignStep.newBuilder()
                    .setName(p.name() + "/steps/" + s.number())
                    .setPhase(DesignPhase.valueOf(
                            "DESIGN_PHASE_" + s.spec().phase().name()))
                    .setTitle(s.spec().title())
                    .setText(s.spec().guidance())
                    .addAllRelatedTopics(s.relatedTopics()));
        }
        return b.build();
    }

    static SearchHit hit(CatalogSearch.Hit h) {
        return SearchHit.newBuilder()
                .setName(h.name())
                .setKind(SearchHitKind.valueOf("SEARCH_HIT_KIND_" + h.kind()))
                .setRole(h.role())
                .setTitle(h.title())
                .setSnippet(h.snippet())
                .setScore(h.score())
                .build();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
