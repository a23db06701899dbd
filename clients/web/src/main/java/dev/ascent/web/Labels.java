package dev.ascent.web;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for templates (put in every model as {@code labels}): enum names, times, durations, percentages. */
public final class Labels {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * {@code PLAN_ITEM_STATUS_IN_PROGRESS} -> {@code in progress}. Empty for the zero value, and for a value newer
     * than this app's protos (a service may be upgraded first), which arrives as {@code UNRECOGNIZED}.
     */
    public String of(ProtocolMessageEnum value) {
        if (value == null) {
            return "";
        }
        String name = ((Enum<?>) value).name();
        if (name.equals("UNRECOGNIZED")) {
            return "";
        }
        String prefix =
                value.getDescriptorForType()
                                .getName()
                                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                                .toUpperCase(Locale.ROOT) + "_";
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        return name.equals("UNSPECIFIED") ? "" : name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code HIGH_LEVEL_DESIGN} -> {@code high level design}, for enum-like strings. */
    public String words(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "1 day", "3 days". */
    public String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** A CSS-safe token for an enum value, e.g. {@code in-progress}. */
    public String css(ProtocolMessageEnum value) {
        return of(value).replace(' ', '-');
    }

    public String time(Timestamp t) {
        if (t == null || (t.getSeconds() == 0 && t.getNanos() == 0)) {
            return "never";
        }
        return TIME.format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }

    public String iso(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    /** How long ago, roughly: "just now", "5 min ago", "3 h ago", "2 days ago". */
    public String ago(Timestamp t) {
        if (t == null || t.getSeconds() == 0) {
            return "never";
        }
        Duration d = Duration.between(Instant.ofEpochSecond(t.getSeconds()), Instant.now());
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() == 1 ? "yesterday" : d.toDays() + " days ago";
    }

    public String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    public String percent(double p) {
        return Math.round(p) + "%";
    }

    /** The last segment of a resource name: {@code users/ann/plans/42} -> {@code 42}. */
    public String id(String name) {
        return name == null ? "" : name.substring(name.lastIndexOf('/') + 1);
    }

    /** {@code users/ann/...} -> {@code ann}. */
    public String handle(String name) {
        if (name == null || !name.startsWith("users/")) {
            return "";
        }
        String rest = name.substring("users/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** An HTML id for a resource name: {@code roles/x/sections/3} -> {@code roles-x-sections-3}. */
    public String anchor(String name) {
        return name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public int clamp(double percent) {
        return (int) Math.max(0, Math.min(100, Math.round(percent)));
    }
}
