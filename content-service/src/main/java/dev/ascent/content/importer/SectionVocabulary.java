package dev.ascent.content.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Maps heading wording to section kinds. Matching is on the whole heading after dropping qualifiers such as
 * "Key" or "Essential", so "Best Practices and Compliance" is not mistaken for a best-practices section while
 * "Essential Soft Skills" still is a soft-skills one.
 */
final class SectionVocabulary {
    private static final Set<String> QUALIFIERS = Set.of(
            "key",
            "core",
            "common",
            "essential",
            "top",
            "required",
            "recommended",
            "suggested",
            "main",
            "primary",
            "typical",
            "important",
            "critical",
            "general",
            "current",
            "major",
            "basic",
            "your",
            "the",
            "job",
            "role",
            "overall",
            "detailed",
            "additional",
            "most");

    // Order matters only where phrases overlap: gaps and soft skills before plain skills.
    private static final List<Map.Entry<SectionKind, Pattern>> KINDS = List.of(
            entry(
                    SectionKind.OVERVIEW,
                    "overview|introduction|intro|summary|description|at a glance"
                            + "|about (the |this )?(role|position|career)|what (does|is) .{1,40}"),
            entry(
                    SectionKind.RESPONSIBILITIES,
                    "(responsibilities|duties)( and (duties|tasks|activities))?"
                            + "|what you('ll| will) do|day[- ]to[- ]day( work| tasks)?|day in the life"),
            entry(
                    SectionKind.REQUIREMENTS,
                    "(requirements|qualifications|prerequisites)"
                            + "( and (qualifications|requirements|experience|skills))?|education and experience"
                            + "|what you('ll| will)? need"),
            entry(SectionKind.SKILL_GAPS, "skills? gaps?|gaps|areas (for|of) (improvement|growth)"),
            entry(SectionKind.SOFT_SKILLS, "(soft|interpersonal|people|human) skills"),
            entry(
                    SectionKind.SKILLS,
                    "((technical|hard|programming|engineering|in-demand|digital) )?"
                            + "(skills?|competencies|expertise|skill ?set)( (for success|needed|and (tools|technologies"
                            + "|competencies|expertise|knowledge)))?|tech(nology)? stack|tools and technologies"),
            entry(
                    SectionKind.CAREER_PATHS,
                    "career (paths?|progression|ladder|trajectory|options|map|prospects)"
                            + "|advancement paths?|progression paths?"),
            entry(
                    SectionKind.DEVELOPMENT_SUGGESTIONS,
                    "development (suggestions|tips|ideas|recommendations|plan)"
                            + "|(suggestions|recommendations)( for (development|improvement|growth))?"
                            + "|how to (improve|grow|close (the|these|your) gaps)|improvement (suggestions|tips|plan)"
                            + "|learning (resources|path|plan|recommendations)"),
            entry(
                    SectionKind.CAREER_DEVELOPMENT,
                    "career (development|growth|advancement|planning)"
                            + "|professional (development|growth)|growth opportunities|learning and development"),
            entry(
                    SectionKind.NEXT_STEPS,
                    "next steps|action (plan|items|steps)|(how to )?get(ting)? started"
                            + "|first steps|your next move"),
            entry(
                    SectionKind.SALARY,
                    "(salary|salaries|compensation|pay|earnings|wages?)( (ranges?|expectations"
                            + "|bands?|levels|data|information|overview|breakdown|guide|scale|and (benefits|compensation"
                            + "|demand|outlook)))?"),
            entry(
                    SectionKind.MARKET_DEMAND,
                    "(job |labor |talent )?market( (demand|outlook|overview|conditions))?"
                            + "|demand( and (outlook|growth))?|(employment|hiring) (outlook|demand)|outlook"
                            + "|companies hiring|who('s| is) hiring|hiring (companies|landscape)|employers"),
            entry(
                    SectionKind.INDUSTRY_TRENDS,
                    "((industry|market|technology|tech|emerging|future|latest) )?trends"
                            + "( and (outlook|developments|innovations))?|industry (outlook|developments|landscape)"
                            + "|future outlook"),
            entry(
                    SectionKind.BEST_PRACTICES,
                    "best practices( and (tips|guidelines))?|guidelines"
                            + "|tips( and (tricks|best practices)| for success)?|dos and don'?ts"),
            entry(
                    SectionKind.CHALLENGES,
                    "challenges( and (solutions|pitfalls|opportunities|how to overcome them))?"
                            + "|pitfalls|obstacles|difficulties|hurdles|risks and challenges"));

    // Sub-heading labels of the short "Career Guide" template; they never open a section of their own.
    private static final Pattern LABELS = Pattern.compile("(can )?leads? to|transition (opportunities|paths?|options"
            + "|roles)|(often |commonly )?missing skills|(median |average )?(salary|pay) (range|ranges|bands?)"
            + "|growth (trend|trends|outlook|rate)|(major|leading|hiring) (employers|companies)|industry sectors"
            + "|sectors|industries( hiring)?|(related|similar|adjacent|next|feeder) roles|employers");

    private SectionVocabulary() {}

    private static Map.Entry<SectionKind, Pattern> entry(SectionKind kind, String regex) {
        return Map.entry(kind, Pattern.compile(regex));
    }

    /** Longer text is prose, never a heading; not looking at it keeps every call cheap. */
    static final int MAX_HEADING_CHARS = 120;
    // Guides repeat the same few headings; remembering them spares the regular expressions. Bounded, so a document
    // of a million distinct lines cannot grow it without limit.
    private static final int CACHE_LIMIT = 4_096;
    private static final Map<String, Optional<SectionKind>> CACHE = new ConcurrentHashMap<>();

    /** The kind a heading names, or empty when it is outside the vocabulary. */
    static Optional<SectionKind> kindOf(String heading) {
        if (heading.length() > MAX_HEADING_CHARS) {
            return Optional.empty();
        }
        Optional<SectionKind> cached = CACHE.get(heading);
        if (cached != null) {
            return cached;
        }
        Optional<SectionKind> kind = lookUp(heading);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(heading, kind);
        }
        return kind;
    }

    private static Optional<SectionKind> lookUp(String heading) {
        String core = core(heading);
        if (core.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<SectionKind, Pattern> e : KINDS) {
            if (e.getValue().matcher(core).matches()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** True for short-form sub-heading labels such as "Can Lead To" or "Major Employers". */
    static boolean isLabel(String heading) {
        if (heading.length() > MAX_HEADING_CHARS) {
            return false;
        }
        String core = core(heading);
        return !core.isEmpty() && LABELS.matcher(core).matches();
    }

    static boolean isKnown(String heading) {
        return kindOf(heading).isPresent() || isLabel(heading);
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\d{1,2}[.)]\\s*");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9'\\- ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Lower-cased heading without numbering, parentheticals, years and leading qualifiers. */
    static String core(String heading) {
        // Precompiled: this runs for every line of every import, and compiling these patterns was most of the
        // parse time (docs/PERFORMANCE.md).
        String s = LEADING_NUMBER
                .matcher(heading.toLowerCase(Locale.ROOT))
                .replaceFirst("")
                .replace("&", " and ");
        s = PARENTHETICAL.matcher(s).replaceAll(" ");
        s = YEAR.matcher(s).replaceAll(" ");
        s = NOT_WORD.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            int space = s.indexOf(' ');
            if (space > 0 && QUALIFIERS.contains(s.substring(0, space))) {
                s = s.substring(space + 1);
                stripped = true;
            }
        }
        return s;
    }
}
