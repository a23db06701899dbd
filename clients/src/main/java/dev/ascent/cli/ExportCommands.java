package dev.ascent.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.ascent.client.AscentClient;
import dev.ascent.client.formats.PlanCalendar;
import dev.ascent.client.formats.PlanCsv;
import dev.ascent.proto.tracker.v1.CalendarFeed;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.ExportPlanRequest;
import dev.ascent.proto.tracker.v1.GetCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.ImportPlanRequest;
import dev.ascent.proto.tracker.v1.ImportPlanResponse;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ascent export} (a plan as JSON, CSV or iCalendar), the plan side of {@code ascent import} (a JSON export
 * back in as a new plan) and {@code ascent calendar} (the calendar feed's URL).
 */
final class ExportCommands {

    private ExportCommands() {}

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Exports a plan: json (everything, re-importable with 'ascent import FILE.json'),",
                "csv (items and time entries, one table; a 'record' column tells them apart) or ics (open",
                "items on their due dates and a daily recall reminder, for a calendar app)."
            })
    static final class Export extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), csv or ics")
        String format = "json";

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "write here instead of to the output")
        Path output;

        Export(Cli cli) {
            super(cli);
        }

        @Override
        int defaultDeadlineSeconds() {
            return 60;
        }

        @Override
        int run(AscentClient client) {
            if (!List.of("json", "csv", "ics").contains(format)) {
                throw new CliException(ExitCodes.USAGE, "--format is json, csv or ics, not " + format);
            }
            String name = refs(client).plan(plan);
            PlanExport export = client.exports()
                    .exportPlan(ExportPlanRequest.newBuilder().setName(name).build())
                    .getExport();
            String text;
            try {
                text = switch (format) {
                    case "csv" -> {
                        StringBuilder out = new StringBuilder();
                        PlanCsv.write(export, out);
                        yield out.toString();
                    }
                    case "ics" -> PlanCalendar.of(export);
                    default -> JsonFormat.printer().print(export) + "\n";
                };
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot write the export: " + e.getMessage());
            }
            if (output == null) {
                cli.out.print(text);
                cli.out.flush();
                return 0;
            }
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot write " + output + ": " + e.getMessage());
            }
            cli.err.printf(
                    "%s -> %s (%s, %d items, %d time entries)%n",
                    name, output, format, export.getPlan().getItemsCount(), export.getTimeEntriesCount());
            return 0;
        }
    }

    /** Imports JSON plan exports as new plans of the caller; one line (or one JSON object) per file. */
    static int importPlans(Cli cli, AscentClient client, List<Path> files, boolean json) {
        Table t = new Table("FILE", "NEW PLAN", "ITEMS", "TIME ENTRIES", "SESSIONS", "CARDS");
        List<ImportPlanResponse> results = new java.util.ArrayList<>();
        for (Path file : files) {
            PlanExport.Builder export = PlanExport.newBuilder();
            try {
                JsonFormat.parser().merge(Files.readString(file, StandardCharsets.UTF_8), export);
            } catch (InvalidProtocolBufferException e) {
                throw new CliException(ExitCodes.USAGE, file + " is not a plan export: " + e.getMessage());
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot read " + file + ": " + e.getMessage());
            }
            ImportPlanResponse r = client.exports()
                    .importPlan(ImportPlanRequest.newBuilder().setExport(export).build());
            results.add(r);
            t.row(
                    file.getFileName(),
                    r.getPlan().getName(),
                    r.getPlan().getItemsCount(),
                    r.getTimeEntryCount(),
                    r.getPracticeSessionCount(),
                    r.getRecallCardCount());
        }
        if (json) {
            Json.printList(cli.out, results);
        } else {
            t.print(cli);
        }
        return 0;
    }

    @Command(
            name = "calendar",
            mixinStandardHelpOptions = true,
            description = {
                "Your calendar feed: open plan items on their due dates and a daily recall reminder,",
                "at a secret URL of the web app that calendar apps subscribe to. Without a subcommand it",
                "says whether the feed is on."
            },
            subcommands = {Calendar.Create.class, Calendar.Rotate.class, Calendar.Revoke.class})
    static final class Calendar extends ClientCommand {

        Calendar(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            CalendarFeed feed = client.exports()
                    .getCalendarFeed(GetCalendarFeedRequest.getDefaultInstance())
                    .getFeed();
            if (json) {
                Json.print(cli.out, feed);
            } else if (feed.getActive()) {
                cli.out.printf(
                        "calendar feed on since %s (secret %s...); its URL was shown once; 'ascent calendar "
                                + "rotate' makes a new one%n",
                        Fmt.time(feed.getCreateTime()), feed.getSecretPrefix());
            } else {
                cli.out.println("calendar feed off; 'ascent calendar create' turns it on");
            }
            return 0;
        }

        /** The web app's address: --web, else ASCENT_WEB_URL, else localhost on ASCENT_WEB_PORT (8080). */
        static String url(Cli cli, String web, String handle, String secret) {
            String base = web != null
                    ? web
                    : cli.env("ASCENT_WEB_URL") != null
                            ? cli.env("ASCENT_WEB_URL")
                            : "http://localhost:"
                                    + (cli.env("ASCENT_WEB_PORT") != null ? cli.env("ASCENT_WEB_PORT") : "8080");
            return base.replaceAll("/+$", "") + "/calendar/" + handle + "/" + secret + ".ics";
        }

        abstract static class Change extends ClientCommand {
            @Option(
                    names = "--web",
                    paramLabel = "URL",
                    description = "the web app's address (default: ASCENT_WEB_URL, else http://localhost:8080)")
            String web;

            Change(Cli cli) {
                super(cli);
            }

            void print(AscentClient client, CalendarFeed feed, String secret) {
                String url = url(cli, web, me(client), secret);
                if (json) {
                    cli.out.println("{\"feed\": " + Json.compact(feed) + ", \"url\": \""
                            + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
                    return;
                }
                cli.out.println(url);
                cli.err.println(
                        "Subscribe to this URL in your calendar app. It is shown only now; anyone who has it "
                                + "sees your open items. 'ascent calendar rotate' replaces it, 'ascent calendar revoke' ends it.");
            }
        }

        @Command(
                name = "create",
                mixinStandardHelpOptions = true,
                description = "Turns the feed on and prints its URL (once).")
        static final class Create extends Change {
            Create(Cli cli) {
                super(cli);
            }

            @Override
            int run(AscentClient client) {
                var r = client.exports().createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance());
                print(client, r.getFeed(), r.getSecret());
                return 0;
            }
        }

        @Command(
                name = "rotate",
                mixinStandardHelpOptions = true,
                description = "Replaces the feed's secret: the old URL stops working; prints the new one.")
        static final class Rotate extends Change {
            Rotate(Cli cli) {
                super(cli);
            }

            @Override
            int run(AscentClient client) {
                var r = client.exports().rotateCalendarFeed(RotateCalendarFeedRequest.getDefaultInstance());
                print(client, r.getFeed(), r.getSecret());
                return 0;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Turns the feed off.")
        static final class Revoke extends ClientCommand {
            Revoke(Cli cli) {
                super(cli);
            }

            @Override
            int run(AscentClient client) {
                CalendarFeed feed = client.exports()
                        .revokeCalendarFeed(RevokeCalendarFeedRequest.getDefaultInstance())
                        .getFeed();
                if (json) {
                    Json.print(cli.out, feed);
                } else {
                    cli.out.println("calendar feed off; its URL no longer works");
                }
                return 0;
            }
        }
    }
}
