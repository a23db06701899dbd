package dev.ascent.content.grpc;

import dev.ascent.common.error.ApiException;
import java.util.regex.Pattern;

/** Parses the resource names clients send, with a field violation naming the field when one is malformed. */
final class ResourceNames {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private ResourceNames() {
    }

    static String roleSlug(String name, String field) {
        return slug(name, "roles/", field);
    }

    static String slug(String name, String prefix, String field) {
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid(field, "is required, as " + prefix + "{slug}");
        }
        String slug = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
        if (slug.length() > 120 || !SLUG.matcher(slug).matches()) {
            throw ApiException.invalid(field, "must look like " + prefix
                    + "{slug} (lowercase letters, digits, '-'), not '" + abbreviate(name) + "'");
        }
        return slug;
    }

    static String skillKey(String name, String field) {
        if (name == null || !name.startsWith("skills/") || name.length() == 7 || name.length() > 207) {
            throw ApiException.invalid(field, "must look like skills/{key}, not '" + abbreviate(String.valueOf(name))
                    + "'");
        }
        return name.substring(7);
    }

    static long numericId(String name, String prefix, String field) {
        if (name != null && name.startsWith(prefix)) {
            String id = name.substring(prefix.length());
            if (id.matches("[0-9]{1,18}")) {
                return Long.parseLong(id);
            }
        }
        throw ApiException.invalid(field, "must look like " + prefix + "{id}, not '"
                + abbreviate(String.valueOf(name)) + "'");
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
