package dev.ascent.web.practice;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetPracticeStatsRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStats;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
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
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;

/**
 * System-design practice: start a session on a prompt, work through its checklist against a countdown, complete
 * it with a self-rating (or abandon it), ask a mentor to review it, and see stats over time.
 */
@Controller
public final class PracticeController {

    private final Web web;

    public PracticeController(Web web) {
        this.web = web;
    }

    @Get("/practice")
    public ModelAndView<?> practice(HttpRequest<?> request) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        var prompts = client.content()
                .listDesignPrompts(
                        ListDesignPromptsRequest.newBuilder().setPageSize(100).build())
                .getDesignPromptsList();
        var sessions = client.practice()
                .listPracticeSessions(
                        ListPracticeSessionsRequest.newBuilder().setPageSize(50).build())
                .getPracticeSessionsList();
        return web.page(request, "practice", "prompts", prompts, "sessions", sessions, "owner", s.handle());
    }

    @Post(value = "/practice", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> start(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        StartPracticeSessionRequest.Builder start = StartPracticeSessionRequest.newBuilder()
                .setSource(Names.practiceSource(form.get("source")))
                .setTimeBoxMinutes(form.integer("minutes", 0));
        if (!form.get("plan_item").isEmpty()) {
            start.setPlanItem(form.get("plan_item"));
        }
        PracticeSession session =
                web.client(s).practice().startPracticeSession(start.build()).getPracticeSession();
        return Web.seeOther("/" + session.getName());
    }

    @Get("/users/{handle}/practiceSessions/{id}")
    public ModelAndView<?> session(HttpRequest<?> request, String handle, String id) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        PracticeSession session = get(client, Names.practiceSession(handle, id));
        boolean mine = handle.equals(s.handle());
        var mentors = mine ? ActiveMentors.of(client) : List.of();
        return web.page(
                request,
                "practice-session",
                "session",
                session,
                "mine",
                mine,
                "active",
                mine && session.getState() == PracticeSessionState.PRACTICE_SESSION_STATE_ACTIVE,
                "completed",
                session.getState() == PracticeSessionState.PRACTICE_SESSION_STATE_COMPLETED,
                "mentors",
                mentors);
    }

    @Post(value = "/users/{handle}/practiceSessions/{id}/steps", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> steps(
            HttpRequest<?> request, String handle, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        AscentClient client = web.client(s);
        String name = Names.practiceSession(handle, id);
        saveSteps(client, get(client, name), form);
        s.flash("Checklist saved.", false);
        return Web.seeOther("/" + name);
    }

    @Post(value = "/users/{handle}/practiceSessions/{id}/complete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> complete(
            HttpRequest<?> request, String handle, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        AscentClient client = web.client(s);
        String name = Names.practiceSession(handle, id);
        PracticeSession session = saveSteps(client, get(client, name), form);
        PracticeSession done = client.practice()
                .completePracticeSession(CompletePracticeSessionRequest.newBuilder()
                        .setName(name)
                        .setEtag(session.getEtag())
                        .setSelfRating(form.integer("rating", 0))
                        .setMarkItemDone(form.checked("mark_item_done"))
                        .build())
                .getPracticeSession();
        s.flash("Session completed: " + Math.round(done.getCoveragePercent()) + "% of the checklist covered.", false);
        return Web.seeOther("/" + name);
    }

    @Post(value = "/users/{handle}/practiceSessions/{id}/abandon", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> abandon(
            HttpRequest<?> request, String handle, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        String name = Names.practiceSession(handle, id);
        web.client(s)
                .practice()
                .abandonPracticeSession(AbandonPracticeSessionRequest.newBuilder()
                        .setName(name)
                        .setEtag(form.get("etag"))
                        .build());
        s.flash("Session abandoned.", false);
        return Web.seeOther("/practice");
    }

    @Post(value = "/users/{handle}/practiceSessions/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> review(
            HttpRequest<?> request, String handle, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        String name = Names.practiceSession(handle, id);
        web.client(s)
                .reviews()
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(name)
                        .setMentor(form.get("mentor"))
                        .setNote(form.get("note"))
                        .build());
        s.flash("Review requested.", false);
        return Web.seeOther("/" + name);
    }

    @Get("/practice/stats")
    public ModelAndView<?> stats(HttpRequest<?> request, @Nullable @QueryValue String user) {
        WebSession s = web.user(request);
        String parent = user == null || user.isBlank() ? s.user().getName() : Names.user(user);
        PracticeStats stats = web.client(s)
                .practice()
                .getPracticeStats(
                        GetPracticeStatsRequest.newBuilder().setParent(parent).build())
                .getPracticeStats();
        return web.page(
                request,
                "practice-stats",
                "stats",
                stats,
                "who",
                parent,
                "coverage",
                PracticeCharts.coverage(stats),
                "rating",
                PracticeCharts.rating(stats),
                "phases",
                PracticeCharts.phasesByMisses(stats));
    }

    private static PracticeSession get(AscentClient client, String name) {
        return client.practice()
                .getPracticeSession(
                        GetPracticeSessionRequest.newBuilder().setName(name).build())
                .getPracticeSession();
    }

    /** Sends the steps whose box or note changed (the form holds every step); returns the session as it now is. */
    private static PracticeSession saveSteps(AscentClient client, PracticeSession session, Form form) {
        UpdatePracticeSessionRequest.Builder update = UpdatePracticeSessionRequest.newBuilder()
                .setName(session.getName())
                .setEtag(form.get("etag").isEmpty() ? session.getEtag() : form.get("etag"));
        for (PracticeStep step : session.getStepsList()) {
            String key = "step:" + step.getName().substring(step.getName().lastIndexOf('/') + 1);
            boolean checked = form.checked(key);
            PracticeStepUpdate.Builder u = PracticeStepUpdate.newBuilder().setStep(step.getName());
            boolean changed = false;
            if (checked != step.getChecked()) {
                u.setChecked(checked);
                changed = true;
            }
            if (form.fields().containsKey("note:" + key.substring(5))
                    && !form.get("note:" + key.substring(5)).equals(step.getNotes())) {
                u.setNotes(form.get("note:" + key.substring(5)));
                changed = true;
            }
            if (changed) {
                update.addStepUpdates(u);
            }
        }
        if (form.fields().containsKey("notes") && !form.get("notes").equals(session.getNotes())) {
            update.setNotes(form.get("notes"));
        }
        if (update.getStepUpdatesCount() == 0 && !update.hasNotes()) {
            return session;
        }
        return client.practice().updatePracticeSession(update.build()).getPracticeSession();
    }
}
