package dev.ascent.common.grpc;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a List response: the rows to return and the {@code next_page_token}, "" on the last page (AIP-158).
 * Usually made by {@link PageRequest#page}; {@link #of} is for a query with a token format of its own.
 * {@code totalSize} is how many rows the whole list holds (AIP-132), 0 when not counted.
 */
public record Page<T>(List<T> items, String nextPageToken, int totalSize) {

    public Page(List<T> items, String nextPageToken) {
        this(items, nextPageToken, 0);
    }

    /** This page, saying the whole list holds {@code total} rows. */
    public Page<T> withTotal(int total) {
        return new Page<>(items, nextPageToken, total);
    }

    /**
     * The page from {@code fetched}, the result of a query asked for {@code size + 1} rows: the extra row, when
     * present, only shows that another page follows, and {@code tokenAfter} makes that page's token from the last
     * row returned.
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> tokenAfter) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, "");
        }
        List<T> shown = fetched.subList(0, size);
        return new Page<>(shown, tokenAfter.apply(shown.get(size - 1)));
    }
}
