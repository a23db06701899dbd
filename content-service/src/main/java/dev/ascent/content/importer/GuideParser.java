package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: detects the layout, reads the structure, settles the title, repairs glued closing summaries and
 * extracts salaries and skills. Holds no state, so one instance can be shared between threads.
 */
public final class GuideParser {

    public ParsedGuide parse(String text, String titleOverride) throws GuideParseException {
        if (text == null || text.isBlank()) {
            throw new GuideParseException("document is empty", 0);
        }
        String normalized = GuideText.normalizeNewlines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<String> lines = Arrays.asList(normalized.split("\n", -1));
        List<ParseWarning> warnings = new ArrayList<>();
        boolean shortForm = ShortFormStructure.matches(lines);
        List<SectionDraft> drafts;
        String titleLine;
        if (shortForm) {
            drafts = ShortFormStructure.read(lines, warnings);
            titleLine = LineShapes.clean(lines.get(0));
        } else {
            LongFormStructure.Result result = LongFormStructure.read(lines, warnings);
            drafts = result.sections();
            titleLine = result.titleLine();
        }
        if (drafts.stream().allMatch(d -> d.kind == SectionKind.OTHER)) {
            throw new GuideParseException("no recognizable section headings found", 0);
        }
        String title = title(titleOverride, titleLine, drafts);
        if (!shortForm) {
            ClosingSummaries closings = new ClosingSummaries(title);
            drafts.forEach(closings::apply);
        }
        List<ParsedSection> sections = new ArrayList<>();
        for (SectionDraft d : drafts) {
            sections.add(d.freeze());
        }
        return new ParsedGuide(title, shortForm ? Layout.SHORT_FORM : Layout.LONG_FORM, sections,
                salaries(sections), SkillMentions.collect(sections), warnings);
    }

    /** Override first, then a title line written by the document itself, then the overview sentence. */
    private static String title(String override, String titleLine, List<SectionDraft> drafts)
            throws GuideParseException {
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        if (titleLine != null && !titleLine.isBlank()) {
            return titleLine;
        }
        List<SectionDraft> ordered = new ArrayList<>();
        drafts.stream().filter(d -> d.kind == SectionKind.OVERVIEW).forEach(ordered::add);
        drafts.stream().filter(d -> d.kind != SectionKind.OVERVIEW).forEach(ordered::add);
        for (SectionDraft d : ordered) {
            for (TextLine intro : d.intro) {
                Optional<String> found = TitleInference.infer(intro.text());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        int line = drafts.stream().filter(d -> d.kind == SectionKind.OVERVIEW).findFirst()
                .map(d -> d.intro.isEmpty() ? d.line : d.intro.get(0).line()).orElse(0);
        throw new GuideParseException("could not infer the role title; pass a title", line);
    }

    /**
     * Items of SALARY sections that mention a number or currency; prose is left alone because it repeats the
     * figures in sentences that have no single label.
     */
    private static List<ParsedSalary> salaries(List<ParsedSection> sections) {
        List<ParsedSalary> out = new ArrayList<>();
        for (ParsedSection s : sections) {
            if (s.kind() != SectionKind.SALARY) {
                continue;
            }
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem item : t.items()) {
                    if (item.text().matches(".*[\\d$€£¥₹].*")) {
                        out.add(SalaryParser.parse(item.text(), item.line(), t.title()));
                    }
                }
            }
        }
        return out;
    }
}
