package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: reads the structure (plain text in the long or short layout, Markdown or HTML), settles the title,
 * repairs glued closing summaries, extracts salaries and skills, and warns when the structure looks doubtful. Holds
 * no state, so one instance can be shared between threads. Every step is linear in the input; the
 * {@link Cancellation} is checked as it goes.
 */
public final class GuideParser {

    /** Plain text, never cancelled. */
    public ParsedGuide parse(String text, String titleOverride) throws GuideParseException {
        return parse(text, titleOverride, GuideFormat.TEXT, Cancellation.NONE);
    }

    public ParsedGuide parse(String text, String titleOverride, GuideFormat format, Cancellation cancellation)
            throws GuideParseException {
        if (text == null || text.isBlank()) {
            throw new GuideParseException("document is empty", 0);
        }
        String normalized = GuideText.normalizeNewlines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<String> lines = Arrays.asList(normalized.split("\n", -1));
        List<ParseWarning> warnings = new ArrayList<>();
        Layout layout;
        List<SectionDraft> drafts;
        String titleLine;
        if (format == GuideFormat.MARKDOWN || format == GuideFormat.HTML) {
            List<MarkupBlock> blocks;
            try {
                blocks = format == GuideFormat.MARKDOWN
                        ? MarkdownBlocks.read(normalized, cancellation)
                        : HtmlBlocks.read(normalized, cancellation);
            } catch (StackOverflowError e) {
                // A last line of defence: the libraries recurse on some constructs; the caller gets a clear refusal.
                throw new GuideParseException("the " + format.name() + " is nested too deeply to read", 0);
            }
            LongFormStructure.Result result = MarkupStructure.read(blocks, warnings, cancellation);
            drafts = result.sections();
            titleLine = result.titleLine();
            layout = format == GuideFormat.MARKDOWN ? Layout.MARKDOWN : Layout.HTML;
        } else if (ShortFormStructure.matches(lines)) {
            drafts = ShortFormStructure.read(lines, warnings, cancellation);
            titleLine = LineShapes.clean(lines.get(0));
            layout = Layout.SHORT_FORM;
        } else {
            LongFormStructure.Result result = LongFormStructure.read(lines, warnings, cancellation);
            drafts = result.sections();
            titleLine = result.titleLine();
            layout = Layout.LONG_FORM;
        }
        if (drafts.stream().allMatch(d -> d.kind == SectionKind.OTHER)) {
            throw new GuideParseException("no recognizable section headings found", 0);
        }
        String title = title(titleOverride, titleLine, drafts);
        if (layout != Layout.SHORT_FORM) {
            ClosingSummaries closings = new ClosingSummaries(title);
            for (SectionDraft d : drafts) {
                cancellation.check();
                closings.apply(d);
            }
        }
        List<ParsedSection> sections = new ArrayList<>();
        for (SectionDraft d : drafts) {
            sections.add(d.freeze());
        }
        StructureWarnings.add(sections, warnings);
        List<ParsedSalary> salaries = salaries(sections, warnings);
        cancellation.check();
        return new ParsedGuide(
                title, layout, sections, salaries, SkillMentions.collect(sections, cancellation), warnings);
    }

    /** Override first, then a title line written by the document itself, then the overview's opening sentence. */
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
            // The intro first; a guide without intros states the role in its first topic's prose ("Summary").
            List<TextLine> prose = new ArrayList<>(d.intro);
            d.topics.stream().findFirst().ifPresent(t -> prose.addAll(t.text));
            for (TextLine line : prose) {
                Optional<String> found = TitleInference.infer(line.text());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        int line = drafts.stream()
                .filter(d -> d.kind == SectionKind.OVERVIEW)
                .findFirst()
                .map(d -> d.intro.isEmpty() ? d.line : d.intro.get(0).line())
                .orElse(0);
        throw new GuideParseException("could not infer the role title; pass a title", line);
    }

    /**
     * Items of SALARY sections that mention a number or currency; prose is left alone because it repeats the
     * figures in sentences that have no single label. A figure too large to be a salary is dropped with a warning.
     */
    private static List<ParsedSalary> salaries(List<ParsedSection> sections, List<ParseWarning> warnings) {
        List<ParsedSalary> out = new ArrayList<>();
        for (ParsedSection s : sections) {
            if (s.kind() != SectionKind.SALARY) {
                continue;
            }
            for (ParsedTopic t : s.topics()) {
                for (ParsedItem item : t.items()) {
                    if (SalaryParser.mentionsMoney(item.text())) {
                        try {
                            out.add(SalaryParser.parse(item.text(), item.line(), t.title()));
                        } catch (SalaryParser.OutOfRange e) {
                            warnings.add(new ParseWarning(
                                    item.line(),
                                    "salary figure at line " + item.line() + " ignored: " + e.getMessage()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
