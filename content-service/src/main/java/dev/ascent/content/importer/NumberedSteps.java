package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a numbered list whose numbers lost their line breaks ("...includes monitoring2Build ..."). Only the
 * number expected next is treated as a marker, which keeps digits that belong to the text ("Top 3", "S3").
 */
final class NumberedSteps {
    private static final Pattern LEADING = Pattern.compile("^(\\d{1,2})[.)]?\\s*(?=\\p{Lu})");
    private static final Pattern GLUED = Pattern.compile("(?<=[\\p{L}.)%])(\\d{1,2})[.)]?(?=\\s*\\p{Lu}|\\s*$)");

    private int expected;

    /** @param current the number of the step whose text comes next */
    NumberedSteps(int current) {
        this.expected = current + 1;
    }

    /** True when a line opens a glued numbered list by itself, e.g. "1Create a project". */
    static boolean opensList(String cleaned) {
        Matcher m = LEADING.matcher(cleaned);
        return m.find() && m.group(1).equals("1");
    }

    /** Splits one line into step texts, consuming markers in sequence. */
    List<String> take(String cleaned) {
        String rest = cleaned;
        Matcher lead = LEADING.matcher(rest);
        if (lead.find()) {
            int number = Integer.parseInt(lead.group(1));
            // The current step's own marker, or the next step written on a line of its own ("2. Draft ...").
            if (number == expected - 1) {
                rest = rest.substring(lead.end());
            } else if (number == expected) {
                rest = rest.substring(lead.end());
                expected++;
            }
        }
        List<String> steps = new ArrayList<>();
        int from = 0;
        Matcher m = GLUED.matcher(rest);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected) {
                continue;
            }
            addIfText(steps, rest.substring(from, m.start()));
            from = m.end();
            expected++;
        }
        addIfText(steps, rest.substring(from));
        return steps;
    }

    private static void addIfText(List<String> steps, String piece) {
        String t = piece.trim();
        if (!t.isEmpty()) {
            steps.add(t);
        }
    }
}
