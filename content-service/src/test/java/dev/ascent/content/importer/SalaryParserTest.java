package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalaryParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Entry: $120,000 - $150,000|Entry|120000|150000|USD",
                "Senior: $150k\u2013$200k|Senior|150000|200000|USD",
                "Lead: 150,000 to 190,000 USD|Lead|150000|190000|USD",
                "Principal: up to $300,000+|Principal|null|300000|USD",
                "Top decile: $250,000+ per year|Top decile|250000|null|USD",
                "Band C: \u20ac70,000 - \u20ac85,000|Band C|70000|85000|EUR",
                "Contract: $300-600K/year|Contract|300000|600000|USD",
                "Hourly: $45.50 (median) to $61.20 (top)|Hourly|46|61|USD",
                "Median: $98,500|Median|98500|98500|USD",
                "Grows by 12% from 2023 to 2030|Pay Bands|null|null|null",
                "Mid LevelGBP 60,000 to 75,000|Mid Level|60000|75000|GBP",
                "Typical offers land between $110,000 and $135,000|Pay Bands|110000|135000|USD",
            })
    void parsesShapes(String raw, String label, Long min, Long max, String currency) {
        ParsedSalary s = SalaryParser.parse(raw, 7, "Pay Bands");
        assertEquals(new ParsedSalary(label, min, max, currency, raw, 7), s);
    }

    @Test
    void salaryOnlyFromSalarySections() throws Exception {
        String doc = """
                Overview
                A Payroll Specialist keeps pay correct and on time:
                Basics
                - Mid: $60,000 - $70,000
                Salary
                Figures vary by region:
                Bands
                - Mid: $55,000 - $65,000
                - Varies widely by employer
                """;
        ParsedGuide g = new GuideParser().parse(doc, null);
        assertEquals(1, g.salaries().size());
        assertEquals(8, g.salaries().get(0).line());
    }
}
