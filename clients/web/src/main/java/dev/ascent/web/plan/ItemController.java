package dev.ascent.web.plan;

import dev.ascent.client.AscentClient;
import dev.ascent.client.FailedPreconditionException;
import dev.ascent.proto.tracker.v1.AddCommentRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import dev.ascent.web.Form;
import dev.ascent.web.Names;
import dev.ascent.web.Web;
import dev.ascent.web.mentor.ActiveMentors;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Work on one plan item: status, time, notes, order, a review request, comments. Each form posts here; a plain
 * browser is redirected back to the plan (post/redirect/get), htmx gets the item's new markup and the progress
 * panel out of band, so the page updates in place.
 */
@Controller("/users/{handle}/plans/{plan}/items/{item}")
public final class ItemController {

    private final Web web;

    public ItemController(Web web) {
        this.web = web;
    }

    /** One item action: does its call and says what happened. */
    @FunctionalInterface
    interface Action {
        String run(AscentClient client, String item, Form form);
    }

    @Post(value = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> status(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        return act(request, handle, plan, item, fields, (client, name, form) -> {
            try {
                client.plans()
                        .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                                .setPlanItem(PlanItem.newBuilder()
                                        .setName(name)
                                        .setStatus(ItemStatusForm.parse(form.get("status"))))
                                .setUpdateMask(PlanController.mask("status"))
                                .setAllowReopenVerified(form.checked(ItemStatusForm.WITHDRAW_FIELD))
                                .build());
            } catch (FailedPreconditionException e) {
                if (!e.reason().orElse("").equals(ItemStatusForm.ITEM_VERIFIED)) {
                    throw e;
                }
                // Not a failure of the page: the item stays as it was and its form now asks for the confirmation.
                throw new Kept(ItemStatusForm.KEPT_VERIFIED);
            }
            return "Status changed.";
        });
    }

    @Post(value = "/log", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> log(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        return act(request, handle, plan, item, fields, (client, name, form) -> {
            int minutes = form.integer("minutes", 0);
            client.plans()
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(name)
                            .setMinutes(minutes)
                            .setDay(form.get("day"))
                            .setNote(form.get("note"))
                            .build());
            return "Logged " + minutes + " min.";
        });
    }

    @Post(value = "/notes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> notes(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        return act(request, handle, plan, item, fields, (client, name, form) -> {
            client.plans()
                    .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(PlanItem.newBuilder()
                                    .setName(name)
                                    .setNotes(form.get("notes"))
                                    .setNotesPrivate(form.checked("private"))
                                    .setEtag(form.get("etag")))
                            .setUpdateMask(PlanController.mask("notes", "notes_private"))
                            .build());
            return "Notes saved.";
        });
    }

    @Post(value = "/move", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> move(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        String name = Names.item(handle, plan, item);
        AscentClient client = web.client(s);
        Plan p = client.plans()
                .getPlan(GetPlanRequest.newBuilder()
                        .setName(Names.plan(handle, plan))
                        .build())
                .getPlan();
        List<String> order =
                new ArrayList<>(p.getItemsList().stream().map(PlanItem::getName).toList());
        int at = order.indexOf(name);
        int to = switch (form.get("direction")) {
            case "up" -> at - 1;
            case "down" -> at + 1;
            case "top" -> 0;
            default -> throw new Form.BadForm("direction must be up, down or top");
        };
        if (at >= 0 && to >= 0 && to < order.size() && to != at) {
            order.add(to, order.remove(at));
            client.plans()
                    .reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                            .setName(p.getName())
                            .addAllItemNames(order)
                            .setEtag(form.get("plan_etag"))
                            .build());
        }
        return backToPlan(request, s, handle, plan, name, null, false);
    }

    @Post(value = "/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> review(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        return act(request, handle, plan, item, fields, (client, name, form) -> {
            RequestReviewRequest.Builder r = RequestReviewRequest.newBuilder()
                    .setTarget(name)
                    .setNote(form.get("note"))
                    .setMentor(form.get("mentor"));
            Arrays.stream(form.get("links").split("\\s+"))
                    .filter(l -> !l.isBlank())
                    .forEach(r::addEvidenceLinks);
            client.reviews().requestReview(r.build());
            return "Review requested.";
        });
    }

    @Post(value = "/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> comment(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            @Nullable @Body Map<String, Object> fields) {
        return act(request, handle, plan, item, fields, (client, name, form) -> {
            client.reviews()
                    .addComment(AddCommentRequest.newBuilder()
                            .setParent(name)
                            .setBody(form.get("body"))
                            .build());
            return "Comment added.";
        });
    }

    private MutableHttpResponse<?> act(
            HttpRequest<?> request,
            String handle,
            String plan,
            String item,
            Map<String, Object> fields,
            Action action) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        String name = Names.item(handle, plan, item);
        try {
            return done(request, s, handle, plan, name, action.run(web.client(s), name, form), false);
        } catch (Kept kept) {
            return done(request, s, handle, plan, name, kept.getMessage(), true);
        }
    }

    private MutableHttpResponse<?> done(
            HttpRequest<?> request,
            WebSession s,
            String handle,
            String plan,
            String item,
            String message,
            boolean refused) {
        if (!Web.htmx(request)) {
            return backToPlan(request, s, handle, plan, item, message, refused);
        }
        AscentClient client = web.client(s);
        String planName = Names.plan(handle, plan);
        Plan p = client.plans()
                .getPlan(GetPlanRequest.newBuilder().setName(planName).build())
                .getPlan();
        PlanItem updated = p.getItemsList().stream()
                .filter(i -> i.getName().equals(item))
                .findFirst()
                .orElseThrow();
        var summary = client.progress()
                .getProgressSummary(
                        GetProgressSummaryRequest.newBuilder().setPlan(planName).build())
                .getProgressSummary();
        var comments = Map.of(
                item,
                client.reviews()
                        .listComments(ListCommentsRequest.newBuilder()
                                .setParent(item)
                                .setPageSize(50)
                                .build())
                        .getCommentsList());
        boolean mine = handle.equals(s.handle());
        var mentors = mine ? ActiveMentors.of(client) : List.of();
        return HttpResponse.ok(web.page(
                request,
                "plan-item-swap",
                "plan",
                p,
                "item",
                updated,
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
                "statuses",
                ItemStatusForm.CHOICES,
                "message",
                message,
                "refused",
                refused));
    }

    private MutableHttpResponse<?> backToPlan(
            HttpRequest<?> request,
            WebSession s,
            String handle,
            String plan,
            String item,
            String message,
            boolean refused) {
        if (message != null) {
            s.flash(message, refused);
        }
        String to = "/" + Names.plan(handle, plan) + "#item-" + item.substring(item.lastIndexOf('/') + 1);
        if (Web.htmx(request)) {
            return HttpResponse.ok().header("HX-Redirect", to);
        }
        return Web.seeOther(to);
    }

    /** The tracker declined the action and nothing changed; the message says why and what to do instead. */
    private static final class Kept extends RuntimeException {
        Kept(String message) {
            super(message, null, false, false);
        }
    }
}
