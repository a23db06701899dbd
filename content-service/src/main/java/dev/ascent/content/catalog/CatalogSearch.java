package dev.ascent.content.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranked search over roles, sections, topics and items, in memory over the cached role views (the catalog is small;
 * a FULLTEXT index would replace this when it is not). A hit needs every query word, as a word prefix; titles count
 * more than body text, and the whole query as a phrase adds a bonus.
 */
public final class CatalogSearch {

    public enum Kind {
        ROLE,
        SECTION,
        TOPIC,
        ITEM
    }

    public record Hit(String name, Kind kind, String role, String title, String snippet, double score) {}

    private CatalogSearch() {}

    public static List<String> terms(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+"))
                .filter(w -> w.length() >= 2)
                .distinct()
                .toList();
    }

    public static List<Hit> search(List<RoleView> roles, String query) {
        List<String> terms = terms(query);
        String phrase = String.join(" ", terms);
        List<Hit> hits = new ArrayList<>();
        for (RoleView role : roles) {
            add(hits, terms, phrase, role.name(), Kind.ROLE, role, role.title(), role.summary(), 1.5);
            for (RoleView.Section s : role.sections()) {
                add(
                        hits,
                        terms,
                        phrase,
                        role.name() + "/sections/" + s.id(),
                        Kind.SECTION,
                        role,
                        s.heading(),
                        s.intro() + " " + s.summary(),
                        1.2);
                for (RoleView.Topic t : s.topics()) {
                    add(
                            hits,
                            terms,
                            phrase,
                            role.name() + "/topics/" + t.id(),
                            Kind.TOPIC,
                            role,
                            t.title(),
                            t.text(),
                            1.1);
                    for (RoleView.Item i : t.items()) {
                        add(hits, terms, phrase, role.name() + "/items/" + i.id(), Kind.ITEM, role, i.text(), "", 1.0);
                    }
                }
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    private static void add(
            List<Hit> hits,
            List<String> terms,
            String phrase,
            String name,
            Kind kind,
            RoleView role,
            String title,
            String body,
            double kindBoost) {
        String t = title.toLowerCase(Locale.ROOT);
        String b = body.toLowerCase(Locale.ROOT);
        double score = 0;
        for (String term : terms) {
            boolean inTitle = hasWordPrefix(t, term);
            boolean inBody = hasWordPrefix(b, term);
            if (!inTitle && !inBody) {
                return;
            }
            score += inTitle ? 3 : 1;
        }
        if (terms.size() > 1 && (t.contains(phrase) || b.contains(phrase))) {
            score += 2;
        }
        // Shorter texts that match are more about the query than long ones that mention it in passing.
        score = score * kindBoost / (1 + Math.log1p((t.length() + b.length()) / 200.0));
        String text = body.isBlank() ? title : body;
        hits.add(new Hit(
                name, kind, role.name(), title, snippet(text, terms.get(0)), Math.round(score * 1000) / 1000.0));
    }

    static boolean hasWordPrefix(String text, String term) {
        int from = 0;
        while (true) {
            int i = text.indexOf(term, from);
            if (i < 0) {
                return false;
            }
            if (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) {
                return true;
            }
            from = i + 1;
        }
    }

    static String snippet(String text, String term) {
        int at = Math.max(0, text.toLowerCase(Locale.ROOT).indexOf(term));
        int start = Math.max(0, at - 60);
        int end = Math.min(text.length(), at + 100);
        return (start > 0 ? "..." : "") + text.substring(start, end).strip() + (end < text.length() ? "..." : "");
    }
}
