package dev.ascent.content.importer;

import java.util.Locale;
import java.util.Set;

/**
 * Normalized lookup keys for skill names, so that "Distributed Systems" and "distributed  system" meet.
 * Symbols that carry meaning ("C++", "CI/CD", "Node.js") are kept; only spacing around them is removed.
 */
public final class SkillKeys {
    // Words that end in "s" without being plurals; stripping them would make keys unreadable.
    private static final Set<String> NOT_PLURAL = Set.of(
            "kubernetes",
            "pandas",
            "analytics",
            "ethics",
            "physics",
            "statistics",
            "mathematics",
            "economics",
            "robotics",
            "logistics",
            "graphics",
            "linguistics",
            "genomics",
            "ops",
            "devops",
            "mlops",
            "dataops",
            "finops",
            "aiops",
            "llmops",
            "devsecops",
            "news",
            "series",
            "css",
            "express",
            "redis",
            "rails",
            "jenkins",
            "windows",
            "sas",
            "aws",
            "gis",
            "ios",
            "macos",
            "js");

    private SkillKeys() {}

    public static String key(String skillName) {
        if (skillName == null) {
            return "";
        }
        String s = skillName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\u00A0]+", " ")
                .replaceAll("\\s*([/+#&.-])\\s*", "$1")
                .replaceAll("^[\\s.,;:!?]+|[\\s.,;:!?]+$", "")
                .trim();
        if (s.isEmpty()) {
            return s;
        }
        int space = s.lastIndexOf(' ');
        String head = s.substring(0, space + 1);
        String last = s.substring(space + 1);
        return head + singular(last);
    }

    /** Drops a simple English plural ending: "systems" -> "system", "libraries" -> "library", not "class". */
    static String singular(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() <= 3 || NOT_PLURAL.contains(w) || w.endsWith("ops") || w.endsWith(".js") || w.endsWith("js")) {
            return word;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return word.substring(0, word.length() - 3)
                    + (Character.isUpperCase(word.charAt(word.length() - 1)) ? "Y" : "y");
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
