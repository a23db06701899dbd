package dev.ascent.client.formats;

import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedResponse;
import dev.ascent.proto.tracker.v1.RecallCard;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Open plan items and a daily recall reminder as iCalendar (RFC 5545), written with ical4j.
 *
 * <ul>
 *   <li>Each open (TODO or IN_PROGRESS) item is an all-day VEVENT on its due date. VEVENT rather than VTODO:
 *       Google Calendar and Outlook ignore VTODOs in a subscribed calendar, and the due date is what the calendar
 *       should show. Its UID is the item's resource name, so an app updates the event in place when the plan
 *       changes; DTSTAMP and LAST-MODIFIED are the item's last change (a published calendar without METHOD reads
 *       DTSTAMP that way), so the same plan always renders to the same bytes and an ETag over them changes only
 *       when an item does. Events are TRANSPARENT: they never make you look busy.</li>
 *   <li>While there are recall cards, one VEVENT at 09:00 every day (floating time: 9 in the morning wherever the
 *       calendar's device is), 15 minutes long, from the day the oldest card was made.</li>
 * </ul>
 */
public final class PlanCalendar {

    static final String PRODUCT = "-//Ascent//Ascent tracker//EN";
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    /** The daily recall reminder of {@code owner} ({@code users/{handle}}), from {@code since} on. */
    public record Reminder(String owner, LocalDate since) {}

    private PlanCalendar() {}

    /** An exported plan: its open items, and the reminder when the plan made recall cards. */
    public static String of(PlanExport export) {
        Reminder reminder = export.getRecallCardsList().stream()
                .filter(c -> !c.getSuspended())
                .map(RecallCard::getCreateTime)
                .map(Formats::toInstant)
                .min(Instant::compareTo)
                .map(t -> new Reminder(
                        export.getOwner(),
                        LocalDate.ofInstant(t, ZoneId.of(export.getPlan().getTimeZone()))))
                .orElse(null);
        return write("Ascent: " + export.getPlan().getTitle(), List.of(export.getPlan()), reminder);
    }

    /** A user's calendar feed: every plan's open items, and the reminder while they have recall cards. */
    public static String of(ReadCalendarFeedResponse feed) {
        Reminder reminder = feed.getRecallCardCount() == 0 || !feed.hasRecallSince()
                ? null
                : new Reminder(
                        feed.getUser(),
                        LocalDate.ofInstant(
                                Formats.toInstant(feed.getRecallSince()),
                                ZoneId.of(
                                        feed.getRecallSettings().getTimeZone().isEmpty()
                                                ? "UTC"
                                                : feed.getRecallSettings().getTimeZone())));
        return write("Ascent: " + feed.getDisplayName(), feed.getPlansList(), reminder);
    }

    public static String write(String name, List<Plan> plans, Reminder reminder) {
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT)
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .getFluentTarget();
        for (Plan plan : plans) {
            for (PlanItem item : plan.getItemsList()) {
                if (open(item) && !item.getDueDate().isEmpty()) {
                    calendar.add(item(plan, item));
                }
            }
        }
        if (reminder != null) {
            calendar.add(reminder(reminder));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean open(PlanItem item) {
        return item.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_TODO
                || item.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS;
    }

    private static VEvent item(Plan plan, PlanItem item) {
        LocalDate due = LocalDate.parse(item.getDueDate());
        Instant changed = Formats.toInstant(item.getUpdateTime());
        VEvent event = new VEvent(due, due.plusDays(1), item.getTitle());
        String status = item.getStatus() == PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS ? "in progress" : "to do";
        StringBuilder text = new StringBuilder()
                .append("Plan: ")
                .append(plan.getTitle())
                .append('\n')
                .append("Status: ")
                .append(status)
                .append('\n')
                .append("Estimate: ")
                .append(hours(item.getEstimatedMinutes()))
                .append(", logged ")
                .append(hours(item.getLoggedMinutes()))
                .append('\n');
        if (!item.getDescription().isBlank()) {
            text.append('\n').append(item.getDescription());
        }
        event.replace(new DtStamp(changed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Uid(item.getName() + "@ascent"));
        event.add(new LastModified(changed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Description(text.toString()));
        event.add(new Categories(item.getKind()
                .name()
                .replace("PLAN_ITEM_KIND_", "")
                .replace('_', ' ')
                .toLowerCase(Locale.ROOT)));
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    private static VEvent reminder(Reminder r) {
        VEvent event =
                new VEvent(r.since().atTime(REMINDER_TIME), Duration.ofMinutes(15), "Recall: review your due cards");
        event.replace(new DtStamp(r.since().atStartOfDay().toInstant(ZoneOffset.UTC)));
        event.add(new Uid(r.owner() + "/recallReminder@ascent"));
        event.add(new RRule<>(Frequency.DAILY));
        event.add(new Description("Cards from what you studied are due. Review them with `ascent recall` or on "
                + "the Recall page of the web app."));
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
