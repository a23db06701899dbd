package dev.ascent.web.plan;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.ListCommentsRequest;
import dev.ascent.proto.tracker.v1.PlanItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Every item's comment thread for the plan page. The tracker lists comments per item, so a plan of 30 items is 30
 * calls; they go out together (multiplexed on the one channel) instead of one after another.
 */
final class ItemComments {

    private ItemComments() {}

    static Map<String, List<Comment>> of(AscentClient client, List<PlanItem> items, ExecutorService executor) {
        Map<String, CompletableFuture<List<Comment>>> calls = new HashMap<>();
        for (PlanItem item : items) {
            calls.put(
                    item.getName(),
                    CompletableFuture.supplyAsync(
                            () -> client.reviews()
                                    .listComments(ListCommentsRequest.newBuilder()
                                            .setParent(item.getName())
                                            .setPageSize(50)
                                            .build())
                                    .getCommentsList(),
                            executor));
        }
        Map<String, List<Comment>> threads = new HashMap<>();
        try {
            calls.forEach((name, call) -> threads.put(name, call.join()));
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return threads;
    }
}
