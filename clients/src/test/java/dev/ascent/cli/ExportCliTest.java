package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.client.formats.PlanCsv;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ascent export}, {@code ascent import FILE.json} and {@code ascent calendar} against the packaged services. */
class ExportCliTest {

    static PackagedPlatform platform;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
        dir = Files.createTempDirectory("ascent-export-cli");
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    static CliRun ascent(String token, String... args) {
        return CliRun.run(platform.cliEnvironment(dir.resolve("unused.properties"), token), "", args);
    }

    static String user(String handle) {
        CliRun made = ascent(
                PackagedPlatform.ADMIN_TOKEN, "admin", "create-user", handle, "Name of " + handle, "--token-only");
        assertEquals(0, made.exitCode, made::toString);
        return made.out.strip();
    }

    static PlanExport parse(String json) throws Exception {
        PlanExport.Builder b = PlanExport.newBuilder();
        JsonFormat.parser().merge(json, b);
        return b.build();
    }

    @Test
    void exportJsonCsvAndIcsAndImportTheJsonAsANewPlan() throws Exception {
        String token = user("cli-exp");
        CliRun plan =
                ascent(token, "plan", "new", "--role", "senior-machine-learning-scientist", "--hours-per-week", "6");
        assertEquals(0, plan.exitCode, plan::toString);
        String note = "=HYPERLINK(\"http://x\"), then \"more\"\nnext line";
        assertEquals(0, ascent(token, "log", "1", "40", note).exitCode);
        assertEquals(0, ascent(token, "item", "done", "2").exitCode);

        Path json = dir.resolve("plan.json");
        CliRun exported = ascent(token, "export", "--format", "json", "--output", json.toString());
        assertEquals(0, exported.exitCode, exported::toString);
        PlanExport export = parse(Files.readString(json));
        assertEquals(1, export.getFormatVersion());
        assertEquals(1, export.getTimeEntriesCount());
        assertEquals(1, export.getRecallCardsCount(), "the item done became a card");

        CliRun imported = ascent(token, "import", json.toString(), "--json");
        assertEquals(0, imported.exitCode, imported::toString);
        String copy = com.google.gson.JsonParser.parseString(imported.out)
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("plan")
                .get("name")
                .getAsString();
        PlanExport again = parse(ascent(token, "export", copy).out);
        assertEquals(export.getPlan().getItemsCount(), again.getPlan().getItemsCount());
        assertEquals(note, again.getTimeEntries(0).getNote());
        assertEquals(ExitCodes.USAGE, ascent(token, "export", "--format", "xml").exitCode);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 9}");
        CliRun refused = ascent(token, "import", broken.toString());
        assertEquals(ExitCodes.USAGE, refused.exitCode, refused::toString);
        assertTrue(refused.err.contains("export.format_version"), refused.err);

        CliRun csv = ascent(token, "export", "--format", "csv");
        assertEquals(0, csv.exitCode, csv::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.out))
                .getRecords();
        assertEquals(export.getPlan().getItemsCount() + 1, rows.size());
        CSVRecord entry = rows.get(rows.size() - 1);
        assertEquals("time_entry", entry.get("record"));
        assertEquals("'" + note, entry.get("note"), "the formula is escaped");
        assertEquals(note, PlanCsv.unescape(entry.get("note")));
        assertEquals("40", entry.get("minutes"));

        CliRun ics = ascent(token, "export", "--format", "ics");
        assertEquals(0, ics.exitCode, ics::toString);
        List<VEvent> events =
                new CalendarBuilder().build(new StringReader(ics.out)).getComponents("VEVENT");
        long open = export.getPlan().getItemsList().stream()
                .filter(i -> i.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_TODO
                        || i.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS)
                .count();
        assertEquals(open + 1, events.size(), "one event per open item and the recall reminder");
        assertTrue(events.stream().anyMatch(e -> e.getProperty("RRULE").isPresent()));
    }

    @Test
    void calendarPrintsTheFeedUrlOnceAndRevokes() {
        String token = user("cli-cal");
        assertTrue(ascent(token, "calendar").out.contains("calendar feed off"));
        CliRun made = ascent(token, "calendar", "create", "--web", "https://ascent.example/");
        assertEquals(0, made.exitCode, made::toString);
        assertTrue(
                made.out.strip().matches("https://ascent\\.example/calendar/cli-cal/[A-Za-z0-9_-]{43}\\.ics"),
                made.out);
        assertTrue(ascent(token, "calendar").out.contains("calendar feed on since"));
        CliRun again = ascent(token, "calendar", "create");
        assertEquals(ExitCodes.FAILED, again.exitCode, again::toString);
        assertTrue(again.err.contains("RotateCalendarFeed"), again.err);
        CliRun rotated = ascent(token, "calendar", "rotate");
        assertTrue(rotated.out.startsWith("http://localhost:8080/calendar/cli-cal/"), rotated.out);
        assertEquals(0, ascent(token, "calendar", "revoke").exitCode);
        assertTrue(ascent(token, "calendar").out.contains("calendar feed off"));
    }
}
