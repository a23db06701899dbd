package dev.ascent.cli;

import com.google.protobuf.ByteString;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.content.v1.CompareRolesRequest;
import dev.ascent.proto.content.v1.CompareRolesResponse;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.GuideFormat;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.ListRolesResponse;
import dev.ascent.proto.content.v1.Role;
import dev.ascent.proto.content.v1.RoleSkill;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.content.v1.SearchHit;
import dev.ascent.proto.content.v1.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The catalog: roles, comparisons, search, design prompts and guide imports. */
final class CatalogCommands {

    private CatalogCommands() {}

    static String role(String slugOrName) {
        return slugOrName.startsWith("roles/") ? slugOrName : "roles/" + slugOrName;
    }

    @Command(name = "roles", mixinStandardHelpOptions = true, description = "Lists the roles in the catalog.")
    static final class Roles extends ClientCommand {
        Roles(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            List<Role> roles = new ArrayList<>();
            String token = "";
            do {
                ListRolesResponse page = client.content()
                        .listRoles(ListRolesRequest.newBuilder()
                                .setPageSize(100)
                                .setPageToken(token)
                                .build());
                roles.addAll(page.getRolesList());
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            if (json) {
                Json.printList(cli.out, roles);
                return 0;
            }
            Table t = new Table("SLUG", "TITLE", "REVISION", "UPDATED");
            roles.forEach(r -> t.row(Fmt.id(r.getName()), r.getTitle(), r.getRevision(), Fmt.time(r.getUpdateTime())));
            t.print(cli);
            return 0;
        }
    }

    @Command(
            name = "role",
            mixinStandardHelpOptions = true,
            description = {
                "Shows one role: summary, sections, skills, salary ranges. --full prints every section",
                "with its text, topics and items; --section KIND only that one (e.g. next-steps, skills)."
            })
    static final class ShowRole extends ClientCommand {
        @Parameters(paramLabel = "SLUG", description = "for example senior-machine-learning-engineer")
        String slug;

        @Option(names = "--full", description = "every section's content, not only the outline")
        boolean full;

        @Option(names = "--section", paramLabel = "KIND", description = "only the sections of this kind, in full")
        String section;

        ShowRole(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var role = client.content()
                    .getRole(GetRoleRequest.newBuilder().setName(role(slug)).build())
                    .getRole();
            if (json) {
                Json.print(cli.out, role);
                return 0;
            }
            cli.out.printf("%s  (%s, revision %d)%n", role.getTitle(), role.getName(), role.getRevision());
            if (!role.getSummary().isEmpty()) {
                cli.out.println(role.getSummary());
            }
            cli.out.println();
            if (section != null) {
                String kind = section.toLowerCase(java.util.Locale.ROOT)
                        .replace('-', ' ')
                        .replace('_', ' ');
                List<Section> chosen = role.getSectionsList().stream()
                        .filter(s -> Fmt.en(s.getKind(), "SECTION_KIND_").equals(kind))
                        .toList();
                if (chosen.isEmpty()) {
                    throw new CliException(
                            ExitCodes.NOT_FOUND,
                            "the role has no " + section + " section; it has: "
                                    + String.join(
                                            ", ",
                                            role.getSectionsList().stream()
                                                    .map(s -> Fmt.en(s.getKind(), "SECTION_KIND_")
                                                            .replace(' ', '-'))
                                                    .distinct()
                                                    .toList()));
                }
                chosen.forEach(this::printSection);
                return 0;
            }
            if (full) {
                role.getSectionsList().forEach(this::printSection);
            } else {
                Table sections = new Table("SECTION", "KIND", "TOPICS", "ITEMS");
                for (Section s : role.getSectionsList()) {
                    sections.row(
                            s.getTitle(),
                            Fmt.en(s.getKind(), "SECTION_KIND_").replace(' ', '-'),
                            s.getTopicsCount(),
                            s.getTopicsList().stream()
                                    .mapToInt(t -> t.getItemsCount())
                                    .sum());
                }
                sections.print(cli);
                cli.out.println("(--full shows every section's content; --section KIND one of them)");
            }
            cli.out.println();
            Table skills = new Table("SKILL", "WEIGHT");
            role.getSkillsList().stream()
                    .limit(full ? Integer.MAX_VALUE : 15)
                    .forEach((RoleSkill s) -> skills.row(s.getDisplayName(), String.format("%.1f", s.getWeight())));
            skills.print(cli);
            if (!full && role.getSkillsCount() > 15) {
                cli.out.printf("15 of %d skills; --full lists them all%n", role.getSkillsCount());
            }
            if (role.getSalaryRangesCount() > 0) {
                cli.out.println();
                Table salaries = new Table("SALARY", "RANGE");
                role.getSalaryRangesList().forEach(s -> salaries.row(s.getLabel(), s.getRawText()));
                salaries.print(cli);
            }
            return 0;
        }

        private void printSection(Section s) {
            var out = cli.out;
            out.printf(
                    "== %s (%s)%n",
                    s.getTitle().isEmpty() ? "(untitled)" : s.getTitle(),
                    Fmt.en(s.getKind(), "SECTION_KIND_").replace(' ', '-'));
            indent(s.getText(), "  ");
            for (var t : s.getTopicsList()) {
                if (!t.getTitle().isEmpty()) {
                    out.println("  " + t.getTitle());
                }
                indent(t.getText(), "    ");
                t.getItemsList().forEach(i -> {
                    String[] lines = i.getText().split("\\R");
                    out.println("    - " + lines[0]);
                    for (int n = 1; n < lines.length; n++) {
                        out.println("      " + lines[n]);
                    }
                });
            }
            out.println();
            out.flush();
        }

        private void indent(String text, String prefix) {
            if (!text.isBlank()) {
                text.lines().forEach(l -> cli.out.println(prefix + l));
            }
        }
    }

    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = "What the target role asks for that your current role does not.")
    static final class Compare extends ClientCommand {
        @Parameters(index = "0", paramLabel = "FROM", description = "the role you hold (slug)")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "the role you aim for (slug)")
        String to;

        Compare(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            CompareRolesResponse r = client.content()
                    .compareRoles(CompareRolesRequest.newBuilder()
                            .setFromRole(role(from))
                            .setToRole(role(to))
                            .build());
            if (json) {
                Json.print(cli.out, r);
                return 0;
            }
            Table skills = new Table("MISSING SKILL", "WEIGHT");
            r.getMissingSkillsList().forEach(s -> skills.row(s.getDisplayName(), String.format("%.1f", s.getWeight())));
            skills.print(cli);
            cli.out.println();
            Table topics = new Table("MISSING TOPIC", "SECTION");
            r.getMissingTopicsList()
                    .forEach(t -> topics.row(t.getTitle(), Fmt.en(t.getSectionKind(), "SECTION_KIND_")));
            topics.print(cli);
            cli.out.println();
            cli.out.println("shared skills: " + String.join(", ", r.getSharedSkillsList()));
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Full-text search over the catalog.")
    static final class Search extends ClientCommand {
        @Parameters(paramLabel = "QUERY", arity = "1..*", description = "words to look for")
        List<String> words;

        @Option(names = "--role", paramLabel = "SLUG", description = "search within one role")
        String role;

        @Option(names = "--limit", description = "at most this many hits (default: 20)")
        int limit = 20;

        Search(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = SearchContentRequest.newBuilder()
                    .setQuery(String.join(" ", words))
                    .setPageSize(Math.min(100, Math.max(1, limit)));
            if (role != null) {
                request.setRole(role(role));
            }
            var response = client.content().searchContent(request.build());
            List<SearchHit> hits = response.getHitsList();
            if (json) {
                Json.printList(cli.out, hits);
                return 0;
            }
            Table t = new Table("KIND", "ROLE", "TITLE", "SNIPPET");
            hits.forEach(h ->
                    t.row(Fmt.en(h.getKind(), "SEARCH_HIT_KIND_"), Fmt.id(h.getRole()), h.getTitle(), h.getSnippet()));
            t.print(cli);
            if (!response.getNextPageToken().isEmpty()) {
                cli.out.printf("%d shown, more match: --limit N (up to 100), or narrow it with --role%n", hits.size());
                cli.out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "prompts",
            mixinStandardHelpOptions = true,
            description = "Lists the system-design practice prompts.")
    static final class Prompts extends ClientCommand {
        Prompts(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            List<DesignPrompt> prompts = client.content()
                    .listDesignPrompts(ListDesignPromptsRequest.newBuilder()
                            .setPageSize(100)
                            .build())
                    .getDesignPromptsList();
            if (json) {
                Json.printList(cli.out, prompts);
                return 0;
            }
            Table t = new Table("PROMPT", "TITLE", "MINUTES", "STEPS");
            prompts.forEach(p -> t.row(Fmt.id(p.getName()), p.getTitle(), p.getSuggestedMinutes(), p.getStepsCount()));
            t.print(cli);
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Imports career guides into the catalog (needs the admin token).",
                "Reads .txt, .md/.markdown and .html/.htm files; --format overrides the extension.",
                "--dry-run prints each guide's outline (sections, topics, item counts) and warnings and stores"
                        + " nothing.",
                "A .json plan export ('ascent export') is imported as a new plan of yours instead."
            })
    static final class Import extends ClientCommand {
        static final List<String> EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm");

        @Parameters(
                paramLabel = "FILE",
                arity = "1..*",
                description = "guides: .txt, .md, .markdown, .html, .htm; "
                        + "or plan exports (.json, from 'ascent export'), each imported as a new plan of yours")
        List<Path> files;

        @Option(names = "--dry-run", description = "parse and validate only; print the outline; store nothing")
        boolean dryRun;

        @Option(names = "--title", description = "override the role title inferred from the text")
        String title;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "auto (default: by extension, then by content), text, markdown or html")
        String format = "auto";

        Import(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            long plans = files.stream()
                    .filter(f -> f.getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .endsWith(".json"))
                    .count();
            if (plans == files.size()) {
                return ExportCommands.importPlans(cli, client, files, json);
            } else if (plans > 0) {
                throw new CliException(ExitCodes.USAGE, "import guides and plan exports (.json) in separate commands");
            }
            GuideFormat requested = format(format);
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (requested == GuideFormat.GUIDE_FORMAT_AUTO
                        && EXTENSIONS.stream().noneMatch(name::endsWith)) {
                    throw new CliException(
                            ExitCodes.USAGE,
                            file + ": unsupported file type; use " + String.join(", ", EXTENSIONS)
                                    + " or pass --format");
                }
            }
            Table t = new Table("FILE", "FORMAT", "ROLE", "RESULT", "ITEMS +/=/-", "WARNINGS");
            List<ImportGuideResponse> results = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Path file : files) {
                byte[] text;
                try {
                    text = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.FAILED, "cannot read " + file + ": " + e.getMessage());
                }
                var request = ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(text))
                        .setSourceName(file.getFileName().toString())
                        .setDryRun(dryRun)
                        .setFormat(requested);
                if (title != null) {
                    request.setTitle(title);
                }
                ImportGuideResponse r = client.content().importGuide(request.build());
                results.add(r);
                if (dryRun && !json) {
                    printOutline(file, r);
                    continue;
                }
                var c = r.getCounts();
                String result = r.getUnchanged()
                        ? "unchanged"
                        : dryRun ? "dry run" : c.getRoleCreated() ? "created" : "updated";
                t.row(
                        file.getFileName(),
                        formatName(r.getFormat()),
                        Fmt.id(r.getRole().getName()),
                        result,
                        c.getItemsCreated() + "/" + c.getItemsKept() + "/" + c.getItemsRemoved(),
                        r.getWarningsCount());
                r.getWarningsList().forEach(w -> warnings.add(file.getFileName() + warning(w)));
            }
            if (json) {
                Json.printList(cli.out, results);
            } else if (!dryRun) {
                t.print(cli);
                warnings.forEach(w -> cli.out.println("warning: " + w));
            }
            return 0;
        }

        /** Sections in the order the role shows them, each with its topics and their item counts, then warnings. */
        private void printOutline(Path file, ImportGuideResponse r) {
            Role role = r.getRole();
            var c = r.getCounts();
            cli.out.println(file.getFileName() + " (" + formatName(r.getFormat()) + "): " + role.getTitle() + " -> "
                    + role.getName() + " (dry run, nothing stored)");
            for (Section s : role.getSectionsList()) {
                cli.out.println("  " + Fmt.en(s.getKind(), "SECTION_KIND_") + ": "
                        + (s.getTitle().isEmpty() ? "(untitled)" : s.getTitle()) + " (line "
                        + s.getProvenance().getLine() + ")");
                for (var topic : s.getTopicsList()) {
                    cli.out.println("    " + (topic.getTitle().isEmpty() ? "(untitled)" : topic.getTitle()) + ": "
                            + topic.getItemsCount() + (topic.getItemsCount() == 1 ? " item" : " items"));
                }
            }
            cli.out.println("  " + c.getSections() + " sections, " + c.getTopics() + " topics, " + c.getItemsCreated()
                    + " items, " + c.getSkillsLinked() + " skills, " + c.getSalaryRanges() + " salary ranges");
            if (r.getWarningsCount() == 0) {
                cli.out.println("  no warnings");
            }
            r.getWarningsList().forEach(w -> cli.out.println("  warning" + warning(w)));
        }

        private static String warning(dev.ascent.proto.content.v1.ImportWarning w) {
            return (w.getLine() > 0 ? " (line " + w.getLine() + ")" : "") + ": " + w.getMessage();
        }

        static GuideFormat format(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> GuideFormat.GUIDE_FORMAT_AUTO;
                case "text", "txt" -> GuideFormat.GUIDE_FORMAT_TEXT;
                case "markdown", "md" -> GuideFormat.GUIDE_FORMAT_MARKDOWN;
                case "html", "htm" -> GuideFormat.GUIDE_FORMAT_HTML;
                default ->
                    throw new CliException(
                            ExitCodes.USAGE, "unknown --format '" + name + "'; use auto, text, markdown or html");
            };
        }

        private static String formatName(GuideFormat f) {
            return Fmt.en(f, "GUIDE_FORMAT_");
        }
    }
}
