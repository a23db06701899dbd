package dev.ascent.content.grpc;

import dev.ascent.common.grpc.PageTokens;
import java.util.List;

/** One page of results and whether another follows. */
record Slice<T>(List<T> items, PageTokens.Page page, boolean more) {

    /** From a query that fetched one row more than the page size. */
    static <T> Slice<T> of(List<T> fetched, PageTokens.Page page) {
        boolean more = fetched.size() > page.size();
        return new Slice<>(more ? fetched.subList(0, page.size()) : fetched, page, more);
    }

    /** From a complete list held in memory. */
    static <T> Slice<T> page(List<T> all, PageTokens.Page page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.size());
        return new Slice<>(all.subList(from, to), page, to < all.size());
    }

    String next(String query) {
        return PageTokens.next(page, items.size(), more, query);
    }
}
