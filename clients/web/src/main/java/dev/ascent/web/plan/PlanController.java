package dev.ascent.web.plan;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.RoleSkill;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.web.Form;
import dev.ascent.web.Names;
import dev.ascent.web.Web;
import dev.ascent.web.mentor.ActiveMentors;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Plans: creating one from a role, the plan page (the owner's editable, a mentor's read-only), a user's plans. */
@Controller
public final class PlanController {

    private static final int TOP_SKILLS = 12;

    private final Web web;
    private final ExecutorService executor;

    public PlanController(Web web, @Named(TaskExecutors.IO) ExecutorService executor) {
        this.web = web;
        this.executor = executor;
    }

    @Get("/plans/new")
    public ModelAndView<?> newPlan(HttpRequest<?> request, @Nullable @QueryValue String role) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        List<Role> roles = client.content()
                .listRoles(ListRolesRequest.newBuilder().setPageSize(100).build())
                .getRolesList();
        Role chosen = null;
        List<RoleSkill> skills = List.of();
        if (role != null && !role.isBlank()) {
            chosen = client.content()
                    .getRole(GetRoleRequest.newBuilder()
                            .setName(Names.role(role.replaceFirst("^roles/", "")))
                            .build())
                    .getRole();
            skills = chosen.getSkillsList().stream()
                    .sorted((a, b) -> Double.compare(b.getWeight(), a.getWeight()))
                    .limit(TOP_SKILLS)
                    .toList();
        }
        return web.page(request, "plan-new", "roles", roles, "chosen", chosen, "skills", skills);
    }

    @Post(value = "/plans", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        CreatePlanRequest.Builder create = CreatePlanRequest.newBuilder()
                .setTargetRole(Names.role(form.get("role").replaceFirst("^roles/", "")))
                .setTitle(form.get("title"))
                .setHoursPerWeek(form.decimal("hours_per_week", 0))
                .setTargetDate(form.get("target_date"))
                .setTimeZone(form.get("time_zone"));
        for (String name : form.names()) {
            if (name.startsWith("rate:")) {
                int rating = form.integer(name, 0);
                if (rating > 0) {
                    create.addSkillRatings(
                            SkillRating.newBuilder().setSkill(name.substring(5)).setRating(rating));
                }
            }
        }
        Plan plan = web.client(s).plans().createPlan(create.build()).getPlan();
        s.flash("Plan created with " + plan.getItemsCount() + " items.", false);
        return Web.seeOther("/" + plan.getName());
    }

    @Get("/users/{handle}/plans")
    public ModelAndView<?> plans(HttpRequest<?> request, String handle) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        List<Plan> plans = client.plans()
                .listPlans(ListPlansRequest.newBuilder()
                        .setParent(Names.user(handle))
                        .setPageSize(50)
                        .build())
                .getPlansList();
        Map<String, ProgressSummary> summaries = new HashMap<>();
        for (Plan p : plans) {
            summaries.put(
                    p.getName(),
                    client.progress()
                            .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                    .setPlan(p.getName())
                                    .build())
                            .getProgressSummary());
        }
        return web.page(
                request,
                "plans",
                "owner",
                handle,
                "plans",
                plans,
                "summaries",
                summaries,
                "mine",
                handle.equals(s.handle()));
    }

    @Get("/users/{handle}/plans/{plan}")
    public ModelAndView<?> plan(HttpRequest<?> request, String handle, String plan) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        String name = Names.plan(handle, plan);
        Plan p = client.plans()
                .getPlan(GetPlanRequest.newBuilder().setName(name).build())
                .getPlan();
        ProgressSummary summary = client.progress()
                .getProgressSummary(
                        GetProgressSummaryRequest.newBuilder().setPlan(name).build())
                .getProgressSummary();
        Map<String, List<Comment>> comments = ItemComments.of(client, p.getItemsList(), executor);
        boolean mine = handle.equals(s.handle());
        List<Mentorship> mentors = mine ? ActiveMentors.of(client) : List.of();
        return web.page(
                request,
                "plan",
                "plan",
                p,
                "summary",
                summary,
                "comments",
                comments,
                "editable",
                mine && !p.getArchived(),
                "mine",
                mine,
                "mentors",
                mentors,
                "burnUp",
                PlanCharts.burnUp(p, summary),
                "minutes",
                PlanCharts.minutesPerWeek(summary),
                "statuses",
                ItemStatusForm.CHOICES);
    }

    /** An update mask naming these fields. */
    static FieldMask mask(String... paths) {
        return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
    }
}
