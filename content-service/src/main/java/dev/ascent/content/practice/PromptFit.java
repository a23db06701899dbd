package dev.ascent.content.practice;

import dev.ascent.content.catalog.RoleView;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which design prompts suit a role. A prompt with machine-learning steps suits only a role whose own title or
 * skills are about machine learning (a Staff Data Engineer gets no model-serving prompts); the prompts that suit are
 * ranked by how many of the role's title and skill words they use. A role that no prompt suits practises with its
 * own best-practice checklists instead (the plan builder adds those anyway).
 */
final class PromptFit {
    private static final Set<String> ML_PHRASES = Set.of(
            "machine learning",
            "ml",
            "mlops",
            "deep learning",
            "ai",
            "artificial intelligence",
            "data science",
            "data scientist",
            "pytorch",
            "tensorflow",
            "scikit-learn",
            "keras",
            "xgboost",
            "llm",
            "large language model",
            "nlp",
            "natural language processing",
            "computer vision",
            "model training",
            "model deployment",
            "model monitoring",
            "model evaluation",
            "feature engineering",
            "recommendation system",
            "recommender system");
    private static final Set<String> STOP = Set.of(
            "and",
            "or",
            "of",
            "the",
            "a",
            "an",
            "for",
            "in",
            "on",
            "to",
            "with",
            "senior",
            "staff",
            "principal",
            "lead",
            "junior",
            "engineer",
            "engineering",
            "specialist");

    private PromptFit() {}

    static List<DesignPrompts.Prompt> forRole(List<DesignPrompts.Prompt> prompts, RoleView role) {
        boolean mlRole = isMachineLearning(role);
        Set<String> words = roleWords(role);
        return prompts.stream()
                .filter(p -> mlRole || !hasMachineLearningSteps(p))
                .filter(p -> overlap(p, words) > 0)
                .sorted(Comparator.comparingInt((DesignPrompts.Prompt p) -> overlap(p, words))
                        .reversed())
                .toList();
    }

    static boolean isMachineLearning(RoleView role) {
        if (mentionsMachineLearning(role.title())) {
            return true;
        }
        long skills = role.skills().stream()
                .filter(s -> mentionsMachineLearning(s.displayName()))
                .count();
        return skills >= 2;
    }

    private static boolean mentionsMachineLearning(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+-]+", " ") + " ";
        return ML_PHRASES.stream().anyMatch(p -> t.contains(" " + p + " ") || t.contains(" " + p + "s "));
    }

    private static boolean hasMachineLearningSteps(DesignPrompts.Prompt p) {
        return p.spec().steps().stream().anyMatch(s -> s.phase() == DesignPrompts.Phase.ML_SPECIFIC);
    }

    private static Set<String> roleWords(RoleView role) {
        Set<String> words = new HashSet<>(words(role.title()));
        role.skills().forEach(s -> words.addAll(words(s.displayName())));
        return words;
    }

    private static int overlap(DesignPrompts.Prompt p, Set<String> roleWords) {
        StringBuilder text =
                new StringBuilder(p.spec().title()).append(' ').append(p.spec().summary());
        p.spec()
                .steps()
                .forEach(s -> text.append(' ').append(s.title()).append(' ').append(s.guidance()));
        Set<String> promptWords = words(text.toString());
        promptWords.retainAll(roleWords);
        return promptWords.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+")) {
            if (w.length() >= 2 && !STOP.contains(w)) {
                out.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }
}
