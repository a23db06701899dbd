package dev.ascent.content.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextKeysTest {

    @Property(tries = 5000)
    void normalizesAsTheRegularExpressionDid(@ForAll("texts") String text) {
        assertEquals(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip(), TextKeys.normalize(text));
    }

    @Provide
    Arbitrary<String> texts() {
        // whitespace regex \s matches and does not (no-break space, em space, U+001C), capitals, dotted I, non-Latin
        return Arbitraries.strings()
                .withChars(" \t\n\u000B\f\r\u00A0\u2003\u001C\u3000aZİß1é€-".toCharArray())
                .ofMaxLength(30);
    }
}
