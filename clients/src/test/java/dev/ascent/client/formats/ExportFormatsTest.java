package dev.ascent.client.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.TimeEntry;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV and iCalendar written from an export and read back with the same libraries. */
class ExportFormatsTest {

    private static final String PLAN = "users/ann/plans/4194305";
    private static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tTab",
            "'quoted already",
            "a, b and \"c\"\nsecond line",
            "plain");

    private static PlanItem item(int n, PlanItemStatus status, String title, String notes) {
        return PlanItem.newBuilder()
                .setName(PLAN + "/items/" + (4194400 + n))
                .setPosition(n)
                .setTitle(title)
                .setKind(PlanItemKind.PLAN_ITEM_KIND_CUSTOM)
                .setStatus(status)
                .setDueDate("2030-01-0" + n)
                .setEstimatedMinutes(90)
                .setLoggedMinutes(30)
                .setNotes(notes)
                .setUpdateTime(Timestamp.newBuilder().setSeconds(1_900_000_000L + n))
                .build();
    }

    private static PlanExport export() {
        Plan.Builder plan =
                Plan.newBuilder().setName(PLAN).setTitle("Path, \"quoted\"").setTimeZone("Europe/Berlin");
        for (int i = 0; i < HOSTILE.size(); i++) {
            plan.addItems(item(
                    i + 1,
                    i % 3 == 2 ? PlanItemStatus.PLAN_ITEM_STATUS_DONE : PlanItemStatus.PLAN_ITEM_STATUS_TODO,
                    HOSTILE.get(i),
                    HOSTILE.get(HOSTILE.size() - 1 - i)));
        }
        PlanExport.Builder b = PlanExport.newBuilder()
                .setFormatVersion(1)
                .setOwner("users/ann")
                .setPlan(plan);
        for (int i = 0; i < HOSTILE.size(); i++) {
            b.addTimeEntries(TimeEntry.newBuilder()
                    .setName(plan.getItems(i).getName() + "/timeEntries/" + (9000 + i))
                    .setMinutes(10 + i)
                    .setDay("2029-12-2" + i % 10)
                    .setNote(HOSTILE.get(i)));
        }
        b.addRecallCards(
                RecallCard.newBuilder().setCreateTime(Timestamp.newBuilder().setSeconds(1_800_000_000L)));
        return b.build();
    }

    @Test
    void csvRoundTripsEveryCellAndEscapesFormulas() throws Exception {
        StringBuilder out = new StringBuilder();
        PlanCsv.write(export(), out);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString()))
                .getRecords();
        assertEquals(2 * HOSTILE.size(), rows.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            CSVRecord item = rows.get(i);
            assertEquals("item", item.get("record"));
            assertEquals(HOSTILE.get(i), PlanCsv.unescape(item.get("title")));
            assertEquals(HOSTILE.get(HOSTILE.size() - 1 - i), PlanCsv.unescape(item.get("notes")));
            CSVRecord entry = rows.get(HOSTILE.size() + i);
            assertEquals("time_entry", entry.get("record"));
            assertEquals(String.valueOf(10 + i), entry.get("minutes"));
            assertEquals(HOSTILE.get(i), PlanCsv.unescape(entry.get("note")));
            assertEquals(item.get("item_id"), entry.get("item_id"));
        }
        for (CSVRecord row : rows) {
            for (String cell : row.values()) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, () -> "a live formula: " + cell);
            }
        }
        assertEquals("'=1", PlanCsv.text("=1"));
        assertEquals("''x", PlanCsv.text("'x"));
        assertEquals("x=1", PlanCsv.text("x=1"));
    }

    @Test
    void icsHasOneAllDayEventPerOpenItemAndADailyReminderAndIsStable() throws Exception {
        PlanExport export = export();
        String ics = PlanCalendar.of(export);
        assertEquals(ics, PlanCalendar.of(export), "the same plan renders to the same bytes (ETags rely on it)");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        long open = export.getPlan().getItemsList().stream()
                .filter(i -> i.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_TODO)
                .count();
        assertEquals(open + 1, events.size());
        VEvent first = events.get(0);
        assertEquals(
                export.getPlan().getItems(0).getName() + "@ascent",
                first.getUid().orElseThrow().getValue());
        assertEquals(HOSTILE.get(0), first.getSummary().getValue());
        assertEquals("20300101", first.getDateTimeStart().getValue());
        assertEquals("20300102", first.getDateTimeEnd().getValue());
        VEvent reminder = events.get(events.size() - 1);
        assertEquals(
                "users/ann/recallReminder@ascent",
                reminder.getUid().orElseThrow().getValue());
        assertEquals("FREQ=DAILY", reminder.getProperty("RRULE").orElseThrow().getValue());
        assertEquals("20270115T090000", reminder.getDateTimeStart().getValue(), "09:00 floating, from the first card");
        String multiline = HOSTILE.get(6);
        VEvent withNewline = events.stream()
                .filter(e -> e.getSummary().getValue().equals(multiline))
                .findFirst()
                .orElseThrow();
        assertEquals(multiline, withNewline.getSummary().getValue());

        PlanExport changed = export.toBuilder()
                .setPlan(export.getPlan().toBuilder()
                        .setItems(
                                0,
                                export.getPlan().getItems(0).toBuilder()
                                        .setDueDate("2030-02-01")
                                        .setUpdateTime(Timestamp.newBuilder().setSeconds(1_950_000_000L))))
                .build();
        assertNotEquals(ics, PlanCalendar.of(changed));
    }

    /** Under a Turkish default locale "SKILL_GAP" must not become the category "skıll gap" (dotless i). */
    @Test
    void icsIsTheSameUnderATurkishDefaultLocale() throws Exception {
        PlanExport export = export();
        export = export.toBuilder()
                .setPlan(export.getPlan().toBuilder()
                        .setItems(
                                0,
                                export.getPlan().getItems(0).toBuilder()
                                        .setKind(PlanItemKind.PLAN_ITEM_KIND_SKILL_GAP)))
                .build();
        String here = PlanCalendar.of(export);
        Locale before = Locale.getDefault();
        String turkish;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            turkish = PlanCalendar.of(export);
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(here, turkish);
        VEvent first = new CalendarBuilder()
                .build(new StringReader(turkish))
                .<VEvent>getComponents("VEVENT")
                .get(0);
        assertEquals("skill gap", first.getProperty("CATEGORIES").orElseThrow().getValue());
    }
}
