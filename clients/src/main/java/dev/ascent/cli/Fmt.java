package dev.ascent.cli;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small text helpers shared by the commands. */
final class Fmt {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Fmt() {}

    /** {@code PLAN_ITEM_STATUS_IN_PROGRESS} with prefix {@code PLAN_ITEM_STATUS_} becomes {@code in progress}. */
    static String en(Enum<?> value, String prefix) {
        String n = value.name();
        if (n.endsWith("UNSPECIFIED") || n.equals("UNRECOGNIZED")) {
            return "-";
        }
        return n.substring(n.startsWith(prefix) ? prefix.length() : 0)
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ');
    }

    /** The last path segment of a resource name: the short id people type. */
    static String id(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + "m";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes / 60 + "h " + minutes % 60 + "m";
    }

    static String time(Timestamp t) {
        if (t == null || (t.getSeconds() == 0 && t.getNanos() == 0)) {
            return "-";
        }
        return WHEN.format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** {@code [#########-----------]} for a percentage. */
    static String bar(double percent, int width) {
        int full = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100.0 * width);
        return "[" + "#".repeat(full) + "-".repeat(width - full) + "]";
    }

    /** 6 -> "6", 2.5 -> "2.5", 24.75 -> "24.75". */
    static String hours(double h) {
        return h == Math.rint(h)
                ? Long.toString((long) h)
                : String.format(Locale.ROOT, "%.2f", h).replaceAll("0+$", "");
    }

    /**
     * Minutes from "90", "90m", "1h30", "1h 30m" or "2h"; a CliException naming {@code flag} otherwise.
     */
    static int parseMinutes(String text, String flag) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(\\d{1,3})h)?(?:(\\d{1,5})m?)?")
                .matcher(s);
        if (s.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new CliException(
                    ExitCodes.USAGE,
                    flag + ": '" + text + "' is not a duration; use minutes (90) " + "or hours and minutes (1h30)");
        }
        int h = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return h * 60 + min;
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
