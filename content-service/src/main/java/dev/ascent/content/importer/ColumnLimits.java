package dev.ascent.content.importer;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes the catalog tables hold (V1__create_catalog.sql). A parsed guide that does not fit is refused before
 * anything is written, as INVALID_ARGUMENT on the request's {@code text} (or {@code title}) naming what is too long
 * and where, instead of failing inside the database as INTERNAL.
 */
final class ColumnLimits {
    static final int TITLE = 200;
    static final int HEADING = 300;
    static final int SALARY_LABEL = 300;
    /** TEXT on MySQL holds 65,535 bytes. */
    static final int TEXT_BYTES = 65_535;

    private static final int MAX_VIOLATIONS = 10;

    private ColumnLimits() {}

    static void check(ParsedGuide guide, boolean titleGiven) {
        List<FieldViolation> violations = new ArrayList<>();
        if (guide.title().length() > TITLE) {
            violations.add(new FieldViolation(
                    titleGiven ? "title" : "text",
                    "the role title is "
                            + guide.title().length() + " characters long; at most " + TITLE + " fit"
                            + (titleGiven ? "" : " (pass a shorter title)")));
        }
        for (ParsedSection s : guide.sections()) {
            chars(violations, "section heading", s.heading(), s.line(), HEADING);
            bytes(violations, "section summary", s.summary(), s.line());
            for (ParsedTopic t : s.topics()) {
                chars(violations, "topic title", t.title(), t.line(), HEADING);
                bytes(violations, "topic text", t.text(), t.line());
                for (ParsedItem i : t.items()) {
                    bytes(violations, "item text", i.text(), i.line());
                }
            }
        }
        for (ParsedSalary s : guide.salaries()) {
            chars(violations, "salary label", s.label(), s.line(), SALARY_LABEL);
            bytes(violations, "salary text", s.raw(), s.line());
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(
                    violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations);
        }
    }

    private static void chars(List<FieldViolation> out, String what, String value, int line, int limit) {
        if (value.length() > limit) {
            out.add(new FieldViolation(
                    "text",
                    what + " at line " + line + " is " + value.length() + " characters long; at most " + limit
                            + " fit"));
        }
    }

    private static void bytes(List<FieldViolation> out, String what, String value, int line) {
        // Cheap bound first: a string of n chars has at most 3n UTF-8 bytes.
        if (value.length() * 3L > TEXT_BYTES && value.getBytes(StandardCharsets.UTF_8).length > TEXT_BYTES) {
            out.add(new FieldViolation("text", what + " at line " + line + " is longer than " + TEXT_BYTES + " bytes"));
        }
    }
}
