package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML to {@link MarkupBlock}s with {@code org.jsoup}. The content is the first {@code main}, else the first
 * {@code article}, else the body; page furniture (nav, header, footer, aside, script, style, forms, ARIA
 * navigation/banner/contentinfo regions) is dropped. h1-h6 keep their level, {@code li} become items at their list
 * depth (text of nested lists excluded), table rows become "cell: cell" items, and paragraphs or blocks of inline
 * text stay prose. jsoup's traversal is iterative, and the caller's cancellation is checked as it goes.
 */
final class HtmlBlocks {
    private static final Set<String> NOISE = Set.of(
            "nav",
            "header",
            "footer",
            "aside",
            "script",
            "style",
            "noscript",
            "template",
            "form",
            "svg",
            "iframe",
            "button",
            "select",
            "head",
            "object",
            "canvas");
    private static final Set<String> NOISE_ROLES =
            Set.of("navigation", "banner", "contentinfo", "search", "complementary");
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "blockquote",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "li",
            "main",
            "ol",
            "p",
            "pre",
            "section",
            "table",
            "tbody",
            "thead",
            "tfoot",
            "tr",
            "td",
            "th",
            "ul");

    static final int MAX_DEPTH = 64;

    private HtmlBlocks() {}

    static List<MarkupBlock> read(String html, Cancellation cancellation) {
        // Guides nest a few levels; jsoup checks scopes against the open-element stack on every tag, so a cap keeps
        // deliberately deep nesting linear. Deeper elements are kept, just not nested further.
        Parser parser = Parser.htmlParser().setTrackPosition(true).setMaxDepth(MAX_DEPTH);
        Document doc = parser.parseInput(new CancellableReader(html, cancellation), "");
        cancellation.check();
        Element root = doc.selectFirst("main");
        if (root == null) {
            root = doc.selectFirst("article");
        }
        if (root == null) {
            root = doc.body();
        }
        List<MarkupBlock> out = new ArrayList<>();
        NodeTraversor.filter(new Walker(out, cancellation), root);
        return out;
    }

    private static final class Walker implements NodeFilter {
        private final List<MarkupBlock> out;
        private final Cancellation cancellation;
        private int listDepth;
        // Open list items: inside one only further lists are read, its own text having been taken whole.
        private int openItems;
        private int visited;

        Walker(List<MarkupBlock> out, Cancellation cancellation) {
            this.out = out;
            this.cancellation = cancellation;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if ((++visited & 255) == 0) {
                cancellation.check();
            }
            boolean list = node instanceof Element l
                    && (l.normalName().equals("ul")
                            || l.normalName().equals("ol")
                            || l.normalName().equals("li"));
            if (openItems > 0 && !list) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t) {
                // Loose text inside a container that also holds blocks.
                add(MarkupBlock.Kind.PARAGRAPH, listDepth, t.text(), node);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (NOISE.contains(tag)
                    || NOISE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
                    || "true".equals(e.attr("aria-hidden"))) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                add(MarkupBlock.Kind.HEADING, tag.charAt(1) - '0', e.text(), e);
                return FilterResult.SKIP_CHILDREN;
            }
            switch (tag) {
                case "ul", "ol" -> {
                    listDepth++;
                    return FilterResult.CONTINUE;
                }
                case "li" -> {
                    openItems++;
                    add(MarkupBlock.Kind.ITEM, Math.max(1, listDepth), ownText(e), e);
                    return nestedLists(e) ? FilterResult.CONTINUE : FilterResult.SKIP_CHILDREN;
                }
                case "tr" -> {
                    List<String> cells = e.children().stream()
                            .map(Element::text)
                            .filter(s -> !s.isBlank())
                            .toList();
                    if (!cells.isEmpty()) {
                        add(
                                MarkupBlock.Kind.ITEM,
                                Math.max(1, listDepth),
                                cells.size() == 1
                                        ? cells.get(0)
                                        : cells.get(0) + ": " + String.join(", ", cells.subList(1, cells.size())),
                                e);
                    }
                    return FilterResult.SKIP_CHILDREN;
                }
                default -> {
                    if (!hasBlockChild(e)) {
                        add(listDepth > 0 ? MarkupBlock.Kind.ITEM : MarkupBlock.Kind.PARAGRAPH, listDepth, e.text(), e);
                        return FilterResult.SKIP_CHILDREN;
                    }
                    return FilterResult.CONTINUE;
                }
            }
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e
                    && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                listDepth--;
            } else if (node instanceof Element e && e.normalName().equals("li")) {
                openItems--;
            }
            return FilterResult.CONTINUE;
        }

        /** Inside a list item only blocks of other lists are visited; the item's own text is already taken. */
        private static boolean nestedLists(Element li) {
            for (Element c : li.children()) {
                if (c.normalName().equals("ul") || c.normalName().equals("ol")) {
                    return true;
                }
            }
            return false;
        }

        private static String ownText(Element li) {
            StringBuilder sb = new StringBuilder();
            for (Node c : li.childNodes()) {
                if (c instanceof Element e
                        && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    continue;
                }
                sb.append(c instanceof TextNode t ? t.text() : c instanceof Element e ? " " + e.text() + " " : "");
            }
            return sb.toString();
        }

        private static boolean hasBlockChild(Element e) {
            for (Element c : e.children()) {
                if (BLOCKS.contains(c.normalName())) {
                    return true;
                }
            }
            return false;
        }

        private void add(MarkupBlock.Kind kind, int level, String text, Node at) {
            String cleaned = LineShapes.clean(text);
            if (!cleaned.isEmpty()) {
                int line =
                        at.sourceRange().isTracked() ? at.sourceRange().start().lineNumber() : 0;
                out.add(new MarkupBlock(kind, level, cleaned, line));
            }
        }
    }
}
