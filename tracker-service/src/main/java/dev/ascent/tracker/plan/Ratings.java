package dev.ascent.tracker.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** Skill self-ratings as stored on the plan: {@code skill=rating} lines, in the order given. */
public final class Ratings {

    private Ratings() {}

    public static String encode(Map<String, Integer> ratings) {
        StringBuilder b = new StringBuilder();
        ratings.forEach((skill, rating) -> b.append(skill.replace("\n", " ").replace("=", " "))
                .append('=')
                .append(rating)
                .append('\n'));
        return b.toString();
    }

    public static Map<String, Integer> decode(String stored) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1)));
            }
        }
        return out;
    }
}
