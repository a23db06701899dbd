package dev.ascent.web;

import java.util.Collection;
import java.util.Map;

/** A submitted url-encoded or multipart form's fields, read leniently: a missing field is empty, not an error. */
public record Form(Map<String, Object> fields) {

    public static final String CSRF_FIELD = "_csrf";

    public static Form of(Map<String, Object> fields) {
        return new Form(fields == null ? Map.of() : fields);
    }

    public String get(String name) {
        Object v = fields.get(name);
        if (v instanceof Collection<?> c) {
            v = c.isEmpty() ? null : c.iterator().next();
        }
        return v == null ? "" : v.toString().strip();
    }

    public boolean checked(String name) {
        String v = get(name);
        return v.equals("on") || v.equals("true") || v.equals("1");
    }

    /** The field as an int; blank gives {@code fallback}; anything else not a number gives a clear error. */
    public int integer(String name, int fallback) {
        String v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadForm(name + " must be a whole number, not '" + v + "'");
        }
    }

    public double decimal(String name, double fallback) {
        String v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadForm(name + " must be a number, not '" + v + "'");
        }
    }

    public Iterable<String> names() {
        return fields.keySet();
    }

    /** A field the app itself can tell is wrong before asking a service. */
    public static final class BadForm extends RuntimeException {
        public BadForm(String message) {
            super(message);
        }
    }
}
