package dev.ascent.content.grpc;

import dev.ascent.common.error.ApiException;
import java.util.regex.Pattern;

/** Parses the resource names clients send, with a field violation naming the field when one is malformed. */
final class ResourceNames {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private ResourceNames() {
    }

    static String roleSlug(String name, String field) {
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid(field, "is required, as roles/{slug}");
        }
        if (!name.startsWith("roles/") || !SLUG.matcher(name.substring(6)).matches() || name.length() > 126) {
            throw ApiException.invalid(field, "must look like roles/{slug} (lowercase letters, digits, '-'), not '"
                    + abbreviate(name) + "'");
        }
        return name.substring(6);
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
