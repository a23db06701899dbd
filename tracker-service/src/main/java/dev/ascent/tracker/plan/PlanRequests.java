package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plan requests to commands: every field checked, every violation reported at once. */
final class PlanRequests {

    static final Set<String> PLAN_MASK = Set.of("title", "hours_per_week", "target_date", "archived");
    static final Set<String> ITEM_MASK =
            Set.of("status", "notes", "notes_private", "estimated_minutes", "due_date", "title", "description");

    private static final String HOURS_RULE =
            "must be at least " + PlanLimits.MIN_HOURS_PER_WEEK + " and at most " + (int) PlanLimits.MAX_HOURS_PER_WEEK;

    private PlanRequests() {}

    private static boolean validHours(double hours) {
        return hours >= PlanLimits.MIN_HOURS_PER_WEEK && hours <= PlanLimits.MAX_HOURS_PER_WEEK;
    }

    static CreatePlan.Command create(CreatePlanRequest r) {
        Validator.maxCount(r.getSkillRatingsCount(), PlanLimits.MAX_SKILL_RATINGS, "skill_ratings", "ratings");
        Validator v = new Validator();
        v.check(Names.ROLE.matches(r.getTargetRole()), "target_role", "must look like roles/{slug}");
        v.maxLength(r.getTitle(), PlanLimits.MAX_PLAN_TITLE, "title");
        v.check(r.getHoursPerWeek() == 0 || validHours(r.getHoursPerWeek()), "hours_per_week", HOURS_RULE);
        v.check(
                r.getHoursPerWeek() > 0 || !r.getTargetDate().isEmpty(),
                "hours_per_week",
                "is required unless a target_date is given");
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (int i = 0; i < r.getSkillRatingsCount(); i++) {
            SkillRating rating = r.getSkillRatings(i);
            String field = "skill_ratings[" + i + "]";
            v.check(
                    !rating.getSkill().isBlank() && rating.getSkill().length() <= 100,
                    field + ".skill",
                    "must be 1 to 100 characters");
            v.check(rating.getRating() >= 0 && rating.getRating() <= 5, field + ".rating", "must be 0 to 5");
            ratings.put(rating.getSkill().strip(), rating.getRating());
        }
        v.throwIfInvalid();
        String zone = Days.zone(r.getTimeZone(), "time_zone");
        Integer start = r.getStartDate().isEmpty() ? null : Days.parse(r.getStartDate(), "start_date");
        Integer target = r.getTargetDate().isEmpty() ? null : Days.parse(r.getTargetDate(), "target_date");
        if (target != null && start != null && target <= start) {
            throw ApiException.invalid("target_date", "must be after start_date");
        }
        return new CreatePlan.Command(
                r.getTargetRole(), r.getTitle(), r.getHoursPerWeek(), start, target, ratings, zone);
    }

    static UpdatePlan.Command update(UpdatePlanRequest r) {
        Set<String> mask = mask(r.getUpdateMask().getPathsList(), PLAN_MASK);
        Validator v = new Validator();
        if (mask.contains("title")) {
            v.required(r.getPlan().getTitle().strip(), "plan.title")
                    .maxLength(r.getPlan().getTitle(), PlanLimits.MAX_PLAN_TITLE, "plan.title");
        }
        if (mask.contains("hours_per_week")) {
            double h = r.getPlan().getHoursPerWeek();
            v.check(validHours(h), "plan.hours_per_week", HOURS_RULE);
        }
        v.throwIfInvalid();
        Integer target =
                mask.contains("target_date") && !r.getPlan().getTargetDate().isEmpty()
                        ? Days.parse(r.getPlan().getTargetDate(), "plan.target_date")
                        : null;
        return new UpdatePlan.Command(
                mask,
                r.getPlan().getTitle(),
                r.getPlan().getHoursPerWeek(),
                target,
                r.getPlan().getArchived(),
                r.getPlan().getEtag());
    }

    static AddPlanItem.Command add(AddPlanItemRequest r) {
        PlanItem item = r.getPlanItem();
        Validator v = new Validator();
        v.required(item.getTitle().strip(), "plan_item.title")
                .maxLength(item.getTitle(), PlanLimits.MAX_TITLE, "plan_item.title");
        v.maxLength(item.getDescription(), PlanLimits.MAX_NOTES, "plan_item.description");
        v.range(item.getEstimatedMinutes(), 0, PlanLimits.MAX_ESTIMATE_MINUTES, "plan_item.estimated_minutes");
        v.check(r.getPosition() >= 0, "position", "must not be negative");
        v.check(item.getKind() != PlanItemKind.UNRECOGNIZED, "plan_item.kind", "is not a known kind");
        v.throwIfInvalid();
        ItemKind kind = item.getKind() == PlanItemKind.PLAN_ITEM_KIND_UNSPECIFIED
                ? ItemKind.CUSTOM
                : ItemKind.valueOf(item.getKind().name().substring("PLAN_ITEM_KIND_".length()));
        Integer due = item.getDueDate().isEmpty() ? null : Days.parse(item.getDueDate(), "plan_item.due_date");
        return new AddPlanItem.Command(
                kind,
                item.getTitle(),
                item.getDescription(),
                item.getEstimatedMinutes() == 0 ? null : item.getEstimatedMinutes(),
                due,
                r.getPosition());
    }

    static UpdatePlanItem.Command updateItem(UpdatePlanItemRequest r) {
        Set<String> mask = mask(r.getUpdateMask().getPathsList(), ITEM_MASK);
        PlanItem item = r.getPlanItem();
        Validator v = new Validator();
        ItemStatus status = null;
        if (mask.contains("status")) {
            status = PlanProtoMapper.status(item.getStatus());
            v.check(status != null, "plan_item.status", "must be TODO, IN_PROGRESS, DONE or SKIPPED");
        }
        if (mask.contains("notes")) {
            v.maxLength(item.getNotes(), PlanLimits.MAX_NOTES, "plan_item.notes");
        }
        if (mask.contains("title")) {
            v.required(item.getTitle().strip(), "plan_item.title")
                    .maxLength(item.getTitle(), PlanLimits.MAX_TITLE, "plan_item.title");
        }
        if (mask.contains("description")) {
            v.maxLength(item.getDescription(), PlanLimits.MAX_NOTES, "plan_item.description");
        }
        if (mask.contains("estimated_minutes")) {
            v.range(item.getEstimatedMinutes(), 1, PlanLimits.MAX_ESTIMATE_MINUTES, "plan_item.estimated_minutes");
        }
        v.throwIfInvalid();
        Integer due = mask.contains("due_date") && !item.getDueDate().isEmpty()
                ? Days.parse(item.getDueDate(), "plan_item.due_date")
                : null;
        return new UpdatePlanItem.Command(
                mask,
                status,
                item.getNotes(),
                item.getNotesPrivate(),
                item.getEstimatedMinutes(),
                due,
                item.getTitle(),
                item.getDescription(),
                item.getEtag(),
                r.getAllowReopenVerified());
    }

    static ReorderPlanItems.Command reorder(ReorderPlanItemsRequest r, Names.PlanName plan) {
        Validator.maxCount(r.getItemNamesCount(), PlanLimits.MAX_ITEMS, "item_names", "items");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < r.getItemNamesCount(); i++) {
            Names.ItemName item = Names.item(r.getItemNames(i), "item_names[" + i + "]");
            if (!item.plan().equals(plan)) {
                throw ApiException.invalid("item_names[" + i + "]", "is not an item of " + plan.name());
            }
            ids.add(item.itemId());
        }
        return new ReorderPlanItems.Command(ids, r.getEtag());
    }

    private static Set<String> mask(List<String> paths, Set<String> allowed) {
        if (paths.isEmpty()) {
            throw ApiException.invalid(
                    "update_mask",
                    "must name the fields to change: "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        Set<String> out = new HashSet<>();
        for (String path : paths) {
            if (!allowed.contains(path)) {
                throw ApiException.invalid(
                        "update_mask",
                        "cannot change '" + path + "'; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.add(path);
        }
        return out;
    }
}
