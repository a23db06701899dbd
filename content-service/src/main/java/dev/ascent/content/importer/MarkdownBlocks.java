package dev.ascent.content.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;

/**
 * CommonMark to {@link MarkupBlock}s with {@code org.commonmark}: ATX and Setext headings keep their level, list
 * items (bullet or ordered, at any depth) become items, paragraphs stay prose. Emphasis, links and code spans are
 * reduced to their text; code blocks, HTML blocks and rules are dropped. The tree is walked with an explicit stack,
 * so deep nesting cannot overflow the call stack, and the input is read through a {@link CancellableReader}.
 */
final class MarkdownBlocks {
    /**
     * Inline parsing (brackets, emphasis delimiters, backslashes) can cost time quadratic in the length of one
     * paragraph; no guide has a paragraph this long with markup in it, so longer inline content is kept as plain
     * text. Block parsing is linear.
     */
    static final int INLINE_LIMIT = 8_000;

    private MarkdownBlocks() {}

    static List<MarkupBlock> read(String text, Cancellation cancellation) {
        Parser parser = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> guarded(new InlineParserImpl(context), cancellation))
                .build();
        Node document;
        try {
            document = parser.parseReader(new CancellableReader(text, cancellation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cancellation.check();
        List<MarkupBlock> out = new ArrayList<>();
        // Each entry: a node and the list depth it sits at.
        Deque<Object[]> stack = new ArrayDeque<>();
        pushChildren(stack, document, 0);
        int visited = 0;
        while (!stack.isEmpty()) {
            if ((++visited & 255) == 0) {
                cancellation.check();
            }
            Object[] top = stack.pop();
            Node node = (Node) top[0];
            int depth = (Integer) top[1];
            if (node instanceof Heading h) {
                add(out, MarkupBlock.Kind.HEADING, h.getLevel(), inline(h, cancellation), node);
            } else if (node instanceof Paragraph p) {
                boolean inItem = p.getParent() instanceof ListItem;
                if (inItem && p.getPrevious() == null) {
                    add(out, MarkupBlock.Kind.ITEM, depth, inline(p, cancellation), p.getParent());
                } else if (!inItem && isBoldOnly(p)) {
                    add(out, MarkupBlock.Kind.HEADING, MarkupBlock.PSEUDO_HEADING_LEVEL, inline(p, cancellation), p);
                } else {
                    add(out, MarkupBlock.Kind.PARAGRAPH, depth, inline(p, cancellation), p);
                }
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                pushChildren(stack, node, depth + 1);
            } else if (node instanceof ListItem || node instanceof BlockQuote || node instanceof Document) {
                pushChildren(stack, node, depth);
            }
        }
        return out;
    }

    /** CommonMark's own inline parser for ordinary blocks, checking the cancellation before each one. */
    private static InlineParser guarded(InlineParser real, Cancellation cancellation) {
        return (lines, block) -> {
            cancellation.check();
            String content = lines.getContent();
            if (content.length() > INLINE_LIMIT) {
                block.appendChild(new Text(content));
            } else {
                real.parse(lines, block);
            }
        };
    }

    private static void pushChildren(Deque<Object[]> stack, Node parent, int depth) {
        List<Node> children = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            children.add(c);
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(new Object[] {children.get(i), depth});
        }
    }

    private static boolean isBoldOnly(Paragraph p) {
        Node only = p.getFirstChild();
        return only instanceof StrongEmphasis && only.getNext() == null;
    }

    private static void add(List<MarkupBlock> out, MarkupBlock.Kind kind, int level, String text, Node at) {
        String cleaned = LineShapes.clean(text);
        if (!cleaned.isEmpty()) {
            out.add(new MarkupBlock(kind, level, cleaned, line(at)));
        }
    }

    private static int line(Node node) {
        var spans = node.getSourceSpans();
        return spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /** The visible text of a block's inline content; iterative for the same reason as {@link #read}. */
    private static String inline(Node block, Cancellation cancellation) {
        StringBuilder sb = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        for (Node c = lastChild(block); c != null; c = c.getPrevious()) {
            stack.push(c);
        }
        int visited = 0;
        while (!stack.isEmpty()) {
            if ((++visited & 1023) == 0) {
                cancellation.check();
            }
            Node n = stack.pop();
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                for (Node c = lastChild(n); c != null; c = c.getPrevious()) {
                    stack.push(c);
                }
            }
        }
        return sb.toString();
    }

    private static Node lastChild(Node n) {
        return n.getLastChild();
    }
}
