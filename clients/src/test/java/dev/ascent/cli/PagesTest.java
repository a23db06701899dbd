package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void theHintCountsAgainstTheTotalWhenTheServiceGaveOne() {
        assertEquals("20 of 312", Pages.shownOf(20, 312));
        assertEquals("20 of 10000+", Pages.shownOf(20, Pages.MAX_COUNTED), "the service stops counting there");
        assertEquals("20 shown, more exist", Pages.shownOf(20, 0), "no total_size");
        assertEquals("20 shown, more exist", Pages.shownOf(20, 20), "a total that grew stale is not shown");
    }

    @Test
    void aListingKeepsTheTotalOfItsLastPageAndStopsAtItsLimit() {
        Map<String, List<String>> pages = Map.of("", List.of("a", "b"), "t2", List.of("c", "d"));
        Pages.Listing<String> listed = Pages.upTo(
                token -> token,
                pages::get,
                token -> token.isEmpty() ? "t2" : "t3",
                token -> token.isEmpty() ? 4 : 5,
                3);
        assertEquals(List.of("a", "b", "c"), listed.rows());
        assertEquals(true, listed.more());
        assertEquals(5, listed.total());
    }
}
