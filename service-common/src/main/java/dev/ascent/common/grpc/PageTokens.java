package dev.ascent.common.grpc;

import dev.ascent.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens (AIP-158). A token holds the offset of the next page and a fingerprint of the request's
 * filters, so a token cannot be replayed against a different query. Clients must treat it as opaque.
 */
public final class PageTokens {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private PageTokens() {
    }

    public record Page(int offset, int size) {
    }

    /** Validates page size and token of a List request; {@code query} identifies the filters of the request. */
    public static Page page(int pageSize, String pageToken, String query) {
        if (pageSize < 0) {
            throw ApiException.invalid("page_size", "must not be negative");
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        if (pageToken == null || pageToken.isEmpty()) {
            return new Page(0, size);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            String[] parts = decoded.split(":", 3);
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(Integer.toHexString(query.hashCode()))) {
                int offset = Integer.parseInt(parts[1]);
                if (offset >= 0) {
                    return new Page(offset, size);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalid("page_token", "is not a token from a previous call with the same filters");
    }

    /** The token for the page after {@code page}, or "" when {@code returned} shows there is none. */
    public static String next(Page page, int returned, boolean more, String query) {
        if (!more) {
            return "";
        }
        String raw = "v1:" + (page.offset() + returned) + ":" + Integer.toHexString(query.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
