package dev.ascent.content.bench;

import dev.ascent.content.importer.GuideFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated inputs close to the 1 MiB import limit that push each parsing step to its worst case: very long lines,
 * long runs of capitals, repeated glued headings, many tiny lines, long runs of punctuation, and deep nesting in
 * Markdown and HTML. Shared by the benchmark and the tests that check every one of them is accepted or refused
 * cleanly.
 */
public final class AdversarialInputs {
    /** Just under the import limit, leaving room for the fixed parts around the repeated piece. */
    static final int SIZE = 1_040_000;

    public record Input(String name, GuideFormat format, String text) {}

    private AdversarialInputs() {}

    public static List<Input> all() {
        List<Input> out = new ArrayList<>();
        String head = "Overview\nA Test Engineer tests software.\nSkills\n- ";
        out.add(text("long line: last bullet \"word Xyz \" repeated", head, "word Xyz "));
        out.add(text("long line: sentences that open like summaries", head, "These skills matter. "));
        out.add(text("long line: no spaces", head, "abcdefghij"));
        out.add(text("capitals: one run", head, "ABCDEFGHIJ"));
        out.add(text("capitals: capitalised words", "Overview\nA Test Engineer tests.\nSkills\n", "Word "));
        out.add(text("capitals: acronym then word", head, "NVIDIASalesforce"));
        out.add(text("glued headings: long form", "Overview\nA Test Engineer tests.\n", "Skills\nOverview\n"));
        out.add(text("glued headings: short form", "Test Engineer\nCareer Guide", "OverviewSkills"));
        out.add(text("glued headings: after sentences", "Test Engineer\nCareer GuideOverview", "Done.Skills "));
        out.add(text("glued headings: run-together list", "Test Engineer\nCareer GuideSkills\n", "AbcDefGhi"));
        out.add(text("glued numbers: short-form steps", "Test Engineer\nCareer GuideNext Steps\n", "1Do it2Do it"));
        out.add(text("tiny lines: one word each", "Overview\nA Test Engineer tests.\nSkills\n", "word\n"));
        out.add(text("tiny lines: one heading each", "Overview\nA Test Engineer tests.\n", "Word\n"));
        out.add(text("tiny lines: bullets", "Overview\nA Test Engineer tests.\nSkills\n", "- w\n"));
        out.add(text("tiny lines: vocabulary headings", "Overview\nA Test Engineer tests.\n", "Skills\nSalary\n"));
        out.add(text("tiny lines: heading and intro", "Overview\nA Test Engineer tests.\n", "Word\nsome text\n"));
        out.add(text("punctuation: exclamation marks", head, "!"));
        out.add(text("punctuation: dashes on their own lines", head, "-\n"));
        out.add(text("punctuation: open parentheses", head, "("));
        out.add(text("punctuation: colons and dots", head, ".:"));
        out.add(text("salary: one huge figure", "Overview\nA Test Engineer tests.\nSalary\n- Senior: $", "9"));
        out.add(text("salary: many figures", "Overview\nA Test Engineer tests.\nSalary\n- Senior: ", "$1 to $2 "));
        String md = "# Test Engineer\n\n## Overview\n\nA Test Engineer tests.\n\n## Skills\n\n";
        out.add(markdown("markdown: nested block quotes", md, "> "));
        out.add(markdown("markdown: nested lists", md, "- "));
        out.add(markdown("markdown: indented list lines", md, nestedListLines()));
        out.add(markdown("markdown: open brackets", md, "["));
        out.add(markdown("markdown: emphasis markers", md, "*"));
        out.add(markdown("markdown: unclosed emphasis", md, "**a "));
        out.add(markdown("markdown: backticks", md, "`"));
        out.add(markdown("markdown: many headings", md, "## Skills\n"));
        String html = "<html><body><main><h1>Test Engineer</h1><h2>Overview</h2><p>A Test Engineer tests.</p>"
                + "<h2>Skills</h2>";
        out.add(html("html: nested divs", html, "<div>"));
        out.add(html("html: nested lists", html, "<ul><li>x"));
        out.add(html("html: nested inline tags", html, "<b>"));
        out.add(html("html: many items", html, "<li>Skill</li>"));
        out.add(html(
                "html: noise around little content",
                html + "<ul><li>Go</li></ul>",
                "<nav><a href=\"/\">Home</a></nav><script>var x = 1;</script>"));
        return out;
    }

    private static String nestedListLines() {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; sb.length() < SIZE / 2; depth++) {
            sb.append("  ".repeat(depth)).append("- item\n");
        }
        return sb.toString();
    }

    private static Input text(String name, String head, String piece) {
        return new Input(name, GuideFormat.TEXT, fill(head, piece));
    }

    private static Input markdown(String name, String head, String piece) {
        return new Input(name, GuideFormat.MARKDOWN, fill(head, piece));
    }

    private static Input html(String name, String head, String piece) {
        return new Input(name, GuideFormat.HTML, fill(head, piece));
    }

    private static String fill(String head, String piece) {
        StringBuilder sb = new StringBuilder(SIZE + piece.length());
        sb.append(head);
        while (sb.length() + piece.length() <= SIZE) {
            sb.append(piece);
        }
        return sb.toString();
    }
}
