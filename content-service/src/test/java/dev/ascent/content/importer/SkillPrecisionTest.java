package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision of skill extraction: every skill name extracted from the project's own guides (the bundled starter
 * catalog and the test corpus) is listed, each must have a verdict in {@code skill-judgements.tsv}, and the share
 * judged a skill must stay at least {@value #MIN_PRECISION}. The seeds, when present, are listed too (they are
 * not ours to judge in a committed file) and must yield no name with clause words.
 */
class SkillPrecisionTest {
    static final double MIN_PRECISION = 0.95;

    @Test
    void extractedSkillsAreSkills() throws Exception {
        Map<String, Boolean> verdicts = verdicts();
        TreeSet<String> extracted = new TreeSet<>();
        for (Map.Entry<String, String> guide : ownGuides().entrySet()) {
            ParsedGuide parsed = new GuideParser()
                    .parse(
                            guide.getValue(),
                            null,
                            GuideFormat.AUTO.resolve(guide.getKey(), guide.getValue()),
                            Cancellation.NONE);
            parsed.skills().forEach(m -> extracted.add(m.name()));
        }
        List<String> unjudged =
                extracted.stream().filter(n -> !verdicts.containsKey(n)).toList();
        if (!unjudged.isEmpty()) {
            fail("judge these extracted names in skill-judgements.tsv: " + unjudged);
        }
        long skills = extracted.stream().filter(verdicts::get).count();
        double precision = (double) skills / extracted.size();
        System.out.printf(
                Locale.ROOT,
                "skill precision on the project's guides: %d of %d = %.3f%n",
                skills,
                extracted.size(),
                precision);
        extracted.forEach(n -> System.out.println((verdicts.get(n) ? "  yes " : "  NO  ") + n));
        assertTrue(extracted.size() >= 80, "a measurement needs enough names: " + extracted.size());
        assertTrue(precision >= MIN_PRECISION, "precision " + precision + " below " + MIN_PRECISION);
    }

    @Test
    void knownFragmentsAreNoLongerExtracted() {
        assertEquals(
                List.of("C++", "Go", "JavaScript"),
                SkillMentions.names("Additional languages: C++, Go or JavaScript when performance or integration"
                        + " requires it"));
        assertEquals(
                List.of("Large Language Models", "Natural Language Processing", "Computer Vision"),
                SkillMentions.names("Specialized areas: Large Language Models (LLMs), Natural Language Processing"
                        + " (NLP) or Computer Vision"));
        assertEquals(
                List.of("Airflow", "MLflow", "Seldon Core", "Kubeflow"),
                SkillMentions.names("MLOps tooling: Airflow, MLflow, Seldon Core and Kubeflow or their equivalents"));
        assertEquals(List.of(), SkillMentions.names("Comfortable reading query plans and fixing slow joins."));
    }

    @Test
    void seedSkillsAreNamesWhenTheSeedsArePresent() throws Exception {
        Path seeds = dev.ascent.common.testing.SeedDirectory.require();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                new GuideParser()
                        .parse(GuideText.decode(Files.readAllBytes(p)), null)
                        .skills()
                        .forEach(m -> names.add(m.name()));
            }
        }
        System.out.println("skills extracted from the seeds: " + new TreeSet<>(names));
        assertTrue(names.size() >= 20, names::toString);
        names.forEach(n -> assertTrue(SkillMentions.isName(n), n));
    }

    private static Map<String, String> ownGuides() throws IOException {
        Map<String, String> guides = new LinkedHashMap<>();
        for (String name : resource("catalog/guides/index.txt")
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList()) {
            guides.put(name, resource("catalog/guides/" + name));
        }
        Corpus.guides().forEach(g -> guides.put(g.name(), g.text()));
        return guides;
    }

    private static Map<String, Boolean> verdicts() throws IOException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : resource("skill-judgements.tsv").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            out.put(parts[0], parts[1].trim().equals("yes"));
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SkillPrecisionTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
