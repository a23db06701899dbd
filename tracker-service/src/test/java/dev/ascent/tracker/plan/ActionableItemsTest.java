package dev.ascent.tracker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionableItemsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Write an SLO for one service you support. | NEXT_STEP | Write an SLO for one service you support.",
                "Participating in advanced research projects | CAREER_DEVELOPMENT | Participating in advanced research projects",
                "Typical titles: Staff Engineer, Principal Engineer | CAREER_DEVELOPMENT | ",
                "Senior: $150,000 - $190,000 | NEXT_STEP | ",
                "Demand is steady at product-led companies | CAREER_DEVELOPMENT | ",
                "Demand for the role grew 40% in 2024 | CAREER_DEVELOPMENT | ",
                "Principal Data Engineer | CAREER_DEVELOPMENT | ",
                "Cost modelling | SKILL_GAP | Close the skill gap: Cost modelling",
                "One-on-ones with each report about their goals for the year | NEXT_STEP | One-on-ones with each report about their goals for the year"
            })
    void onlyThingsToDoBecomePlanItems(String text, ItemKind kind, String expected) {
        assertEquals(Optional.ofNullable(expected), ActionableItems.title(text, kind));
    }
}
