package dev.ascent.common.grpc;

import dev.ascent.common.db.BoundedCount;
import dev.ascent.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The page a List request asks for: its {@code page_size} and {@code page_token}, checked (AIP-158). Tokens are
 * opaque to clients and bound to the request's filters, so a token cannot be replayed against a different query.
 * Two kinds, both base64url of {@code tag:position:scope}:
 * <ul>
 *   <li>offset tokens ({@link #of}): the offset of the next row; the scope is a hash of the request's filters;</li>
 *   <li>keyset tokens ({@link #keyset}): the key of the last row returned, for lists that grow while they are read
 *       (an offset would shift); the scope is the parent the rows belong to.</li>
 * </ul>
 * <pre>{@code
 * PageRequest request = PageRequest.of(r.getPageSize(), r.getPageToken(), "plans:" + handle);
 * Page<PlanView> page = request.page(plans.list(handle, request.offset(), request.fetchSize()));
 * }</pre>
 */
public final class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private static final String OFFSET_TAG = "v1";
    private static final String KEYSET_TAG = "a1";

    private final int size;
    private final long position;
    private final boolean first;
    private final String tag;
    private final String scope;

    private PageRequest(int size, long position, boolean first, String tag, String scope) {
        this.size = size;
        this.position = position;
        this.first = first;
        this.tag = tag;
        this.scope = scope;
    }

    /** An offset-paged request; {@code query} identifies the request's filters. */
    public static PageRequest of(int pageSize, String pageToken, String query) {
        String scope = Integer.toHexString(query.hashCode());
        int size = size(pageSize);
        long offset = decode(pageToken, OFFSET_TAG, scope, Integer.MAX_VALUE);
        return new PageRequest(size, Math.max(offset, 0), offset < 0, OFFSET_TAG, scope);
    }

    /** A keyset-paged request over the rows of {@code parent}. */
    public static PageRequest keyset(int pageSize, String pageToken, String parent) {
        int size = size(pageSize);
        long key = decode(pageToken, KEYSET_TAG, parent, Long.MAX_VALUE);
        return new PageRequest(size, key, key < 0, KEYSET_TAG, parent);
    }

    /** The checked page size: 0 means the default, more than the maximum means the maximum. */
    public static int size(int pageSize) {
        if (pageSize < 0) {
            throw ApiException.invalid("page_size", "must not be negative");
        }
        return pageSize == 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
    }

    public int size() {
        return size;
    }

    /** The rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /** Where an offset-paged request starts. */
    public int offset() {
        requireTag(OFFSET_TAG);
        return (int) position;
    }

    /** The key of the last row of the previous page of a keyset-paged request, or {@code firstPage} for the first. */
    public long keyAfter(long firstPage) {
        requireTag(KEYSET_TAG);
        return first ? firstPage : position;
    }

    /** The page from rows fetched with {@link #fetchSize()} from {@link #offset()}. */
    public <T> Page<T> page(List<T> fetched) {
        requireTag(OFFSET_TAG);
        return Page.of(fetched, size, last -> encode(OFFSET_TAG, position + size, scope));
    }

    /** As {@link #page(List)}, with the total the rows were counted with. */
    public <T> Page<T> page(BoundedCount.Counted<T> fetched) {
        return page(fetched.rows()).withTotal(fetched.total());
    }

    /** The page from rows fetched with {@link #fetchSize()} after {@link #keyAfter}, each with its {@code key}. */
    public <T> Page<T> page(List<T> fetched, ToLongFunction<T> key) {
        requireTag(KEYSET_TAG);
        return Page.of(fetched, size, last -> encode(KEYSET_TAG, key.applyAsLong(last), scope));
    }

    /** The page out of a complete list held in memory. */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        return page(all.subList(from, Math.min(all.size(), from + size + 1)));
    }

    private void requireTag(String expected) {
        if (!tag.equals(expected)) {
            throw new IllegalStateException(
                    "not a " + (expected.equals(OFFSET_TAG) ? "offset" : "keyset") + "-paged request");
        }
    }

    private static String encode(String tag, long position, String scope) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((tag + ":" + position + ":" + scope).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code token}, -1 for no token. */
    private static long decode(String token, String tag, String scope, long max) {
        if (token == null || token.isEmpty()) {
            return -1;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length == 3 && parts[0].equals(tag) && parts[2].equals(scope)) {
                long position = Long.parseLong(parts[1]);
                if (position >= 0 && position <= max) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalid("page_token", "is not a token from a previous call with the same filters");
    }
}
