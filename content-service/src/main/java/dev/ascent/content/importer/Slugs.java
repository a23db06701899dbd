package dev.ascent.content.importer;

import java.text.Normalizer;
import java.util.Locale;

/** Role titles to the slugs of their names: "Senior Machine Learning Engineer" -> "senior-machine-learning-engineer". */
public final class Slugs {

    public static final int MAX_LENGTH = 120;

    private Slugs() {}

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("c++", "cpp")
                .replace("c#", "csharp")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
