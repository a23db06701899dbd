package dev.ascent.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ascent.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final List<Integer> ROWS =
            IntStream.rangeClosed(1, 7).boxed().toList();

    @Test
    void sizeDefaultsAndIsCapped() {
        assertEquals(PageRequest.DEFAULT_SIZE, PageRequest.of(0, "", "q").size());
        assertEquals(PageRequest.MAX_SIZE, PageRequest.of(5000, "", "q").size());
        assertEquals(3, PageRequest.of(3, "", "q").size());
        assertEquals(4, PageRequest.of(3, "", "q").fetchSize());
        assertEquals("page_size", field(assertThrows(ApiException.class, () -> PageRequest.of(-1, "", "q"))));
    }

    @Test
    void offsetPagesWalkAQueryToItsEnd() {
        PageRequest first = PageRequest.of(3, "", "rows");
        Page<Integer> page = first.page(fetch(first));
        assertEquals(List.of(1, 2, 3), page.items());
        PageRequest second = PageRequest.of(3, page.nextPageToken(), "rows");
        assertEquals(3, second.offset());
        page = second.page(fetch(second));
        assertEquals(List.of(4, 5, 6), page.items());
        PageRequest third = PageRequest.of(3, page.nextPageToken(), "rows");
        page = third.page(fetch(third));
        assertEquals(List.of(7), page.items());
        assertEquals("", page.nextPageToken());
    }

    @Test
    void theTokenFormatIsTheOneClientsAlreadyHold() {
        String token = PageRequest.of(2, "", "roles").page(List.of(1, 2, 3)).nextPageToken();
        assertEquals("v1:2:" + Integer.toHexString("roles".hashCode()), decode(token));
        String activity = PageRequest.keyset(2, "", "42")
                .page(List.of(9L, 8L, 7L), Long::longValue)
                .nextPageToken();
        assertEquals("a1:8:42", decode(activity));
    }

    @Test
    void slicesAListHeldInMemory() {
        PageRequest first = PageRequest.of(5, "", "all");
        Page<Integer> page = first.slice(ROWS);
        assertEquals(List.of(1, 2, 3, 4, 5), page.items());
        page = PageRequest.of(5, page.nextPageToken(), "all").slice(ROWS);
        assertEquals(List.of(6, 7), page.items());
        assertEquals("", page.nextPageToken());
        assertEquals(
                List.of(), PageRequest.of(5, page(7, "all"), "all").slice(ROWS).items());
    }

    @Test
    void keysetPagesContinueAfterTheLastKey() {
        PageRequest first = PageRequest.keyset(2, "", "plan-1");
        assertEquals(Long.MAX_VALUE, first.keyAfter(Long.MAX_VALUE));
        Page<Long> page = first.page(List.of(30L, 20L, 10L), Long::longValue);
        assertEquals(List.of(30L, 20L), page.items());
        assertEquals(20L, PageRequest.keyset(2, page.nextPageToken(), "plan-1").keyAfter(Long.MAX_VALUE));
    }

    @Test
    void aTokenFromOtherFiltersOrOfAnotherKindIsRefused() {
        String token = PageRequest.of(2, "", "plans:ada").page(List.of(1, 2, 3)).nextPageToken();
        for (String bad : List.of(token + "x", "%%%", "djE6LTE6MA", base64("v1:x:1"))) {
            assertEquals("page_token", field(assertThrows(ApiException.class, () -> PageRequest.of(2, bad, "q"))));
        }
        assertEquals(
                "page_token", field(assertThrows(ApiException.class, () -> PageRequest.of(2, token, "plans:bob"))));
        assertEquals(
                "page_token", field(assertThrows(ApiException.class, () -> PageRequest.keyset(2, token, "plans:ada"))));
    }

    @Test
    void anOffsetRequestHasNoKeyAndAKeysetRequestNoOffset() {
        assertThrows(
                IllegalStateException.class, () -> PageRequest.of(2, "", "q").keyAfter(0));
        assertThrows(
                IllegalStateException.class,
                () -> PageRequest.keyset(2, "", "q").offset());
    }

    private static List<Integer> fetch(PageRequest request) {
        return ROWS.subList(
                Math.min(request.offset(), ROWS.size()), Math.min(ROWS.size(), request.offset() + request.fetchSize()));
    }

    private static String page(int offset, String query) {
        return base64("v1:" + offset + ":" + Integer.toHexString(query.hashCode()));
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }

    static String field(ApiException e) {
        return e.violations().get(0).field();
    }
}
