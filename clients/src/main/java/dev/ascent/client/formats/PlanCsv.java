package dev.ascent.client.formats;

import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.TimeEntry;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A plan's items and time entries as one CSV table (RFC 4180, written with Apache Commons CSV): a header, then a
 * row per item ({@code record} = {@code item}) and a row per time entry ({@code record} = {@code time_entry}, with
 * its item's number, id and title), so a spreadsheet filter on the first column gives either table.
 *
 * <p>Formula injection: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading apostrophe ({@code '}), the escape OWASP recommends, so Excel, LibreOffice and Google
 * Sheets show the text instead of running it as a formula (and hide the apostrophe). A cell that starts with an
 * apostrophe gets a second one, so {@link #unescape} can always take exactly one off again. Only text cells
 * (titles, notes) are escaped; number and date cells never start with those characters.
 */
public final class PlanCsv {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of(
            "record",
            "item",
            "item_id",
            "title",
            "kind",
            "status",
            "due_date",
            "estimated_minutes",
            "logged_minutes",
            "complete_time",
            "verified",
            "notes",
            "day",
            "minutes",
            "note");

    /** First characters a spreadsheet would act on, and the apostrophe that escapes them. */
    private static final String RISKY = "=+-@\t\r'";

    private PlanCsv() {}

    public static void write(PlanExport export, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .get();
        Map<String, PlanItem> items = new HashMap<>();
        export.getPlan().getItemsList().forEach(i -> items.put(i.getName(), i));
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (PlanItem i : export.getPlan().getItemsList()) {
                csv.printRecord(
                        "item",
                        i.getPosition(),
                        id(i.getName()),
                        text(i.getTitle()),
                        kind(i),
                        i.getStatus().name().replace("PLAN_ITEM_STATUS_", ""),
                        i.getDueDate(),
                        i.getEstimatedMinutes(),
                        i.getLoggedMinutes(),
                        i.hasCompleteTime() ? Formats.instant(i.getCompleteTime()) : "",
                        i.getVerified(),
                        text(i.getNotes()),
                        "",
                        "",
                        "");
            }
            for (TimeEntry t : export.getTimeEntriesList()) {
                String itemName = t.getName().substring(0, t.getName().lastIndexOf("/timeEntries/"));
                PlanItem i = items.get(itemName);
                csv.printRecord(
                        "time_entry",
                        i == null ? "" : i.getPosition(),
                        id(itemName),
                        i == null ? "" : text(i.getTitle()),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        t.getDay(),
                        t.getMinutes(),
                        text(t.getNote()));
            }
        }
    }

    /** A text cell as written: with an apostrophe before a leading character a spreadsheet would run. */
    public static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return RISKY.indexOf(c) >= 0 ? "'" + value : value;
    }

    /** The text a cell written by {@link #text} stood for. */
    public static String unescape(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && RISKY.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }

    private static String kind(PlanItem i) {
        return i.getKind().name().replace("PLAN_ITEM_KIND_", "");
    }

    private static String id(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
