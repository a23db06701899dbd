package dev.ascent.cli;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.AddPlanItemRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.ReorderPlanItemsRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ascent item edit|add|move}: an item's fields, custom items and the plan's order. */
final class ItemEdit {

    static final Map<String, String> ITEM_FLAGS = Map.of(
            "plan_item.title",
            "--title",
            "plan_item.notes",
            "--notes",
            "plan_item.estimated_minutes",
            "--estimate",
            "plan_item.due_date",
            "--due",
            "plan_item.description",
            "--description",
            "position",
            "--at");

    private ItemEdit() {}

    @Command(
            name = "edit",
            mixinStandardHelpOptions = true,
            description = {
                "Changes an item's title, description, notes (private or shared with your mentor),",
                "estimate or due date. A new estimate or due date reschedules the open items."
            })
    static final class Edit extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ItemCommands.ITEM_HELP)
        String item;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        @Option(names = "--title", description = "1 to 300 characters")
        String title;

        @Option(names = "--description", description = "up to 4000 characters")
        String description;

        @Option(names = "--notes", description = "your notes, up to 4000 characters ('' clears them)")
        String notes;

        @Option(
                names = "--private",
                negatable = true,
                description = "hide the notes from your mentors (--no-private shares them)")
        Boolean notesPrivate;

        @Option(names = "--estimate", paramLabel = "DURATION", description = "e.g. 90, 1h30 or 6h")
        String estimate;

        @Option(
                names = "--due",
                paramLabel = "YYYY-MM-DD|auto",
                description = "pin a due date, or 'auto' to let the schedule set it again")
        String due;

        Edit(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            PlanItem.Builder b = PlanItem.newBuilder().setName(refs(client).item(item, plan));
            FieldMask.Builder mask = FieldMask.newBuilder();
            if (title != null) {
                b.setTitle(title);
                mask.addPaths("title");
            }
            if (description != null) {
                b.setDescription(description);
                mask.addPaths("description");
            }
            if (notes != null) {
                b.setNotes(notes);
                mask.addPaths("notes");
            }
            if (notesPrivate != null) {
                b.setNotesPrivate(notesPrivate);
                mask.addPaths("notes_private");
            }
            if (estimate != null) {
                b.setEstimatedMinutes(Fmt.parseMinutes(estimate, "--estimate"));
                mask.addPaths("estimated_minutes");
            }
            if (due != null) {
                b.setDueDate(due.equalsIgnoreCase("auto") ? "" : due);
                mask.addPaths("due_date");
            }
            if (mask.getPathsCount() == 0) {
                throw new CliException(
                        ExitCodes.USAGE,
                        "nothing to change: give --title, --description, --notes, " + "--private, --estimate or --due");
            }
            PlanItem updated = client.plans()
                    .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(b)
                            .setUpdateMask(mask)
                            .build())
                    .getPlanItem();
            if (json) {
                Json.print(cli.out, updated);
            } else {
                cli.out.printf(
                        "%s: changed %s; week %d, due %s, estimate %s%n",
                        updated.getTitle(),
                        String.join(", ", mask.getPathsList()).replace('_', ' '),
                        updated.getWeek(),
                        updated.getDueDate(),
                        Fmt.minutes(updated.getEstimatedMinutes()));
                cli.out.flush();
            }
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return ITEM_FLAGS;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds an item of your own to a plan (at the end, or --at a position).")
    static final class Add extends ClientCommand {
        @Parameters(arity = "1..*", paramLabel = "TITLE", description = "what to do, 1 to 300 characters")
        List<String> title;

        @Option(names = "--plan", paramLabel = "PLAN", description = "default: current plan")
        String plan;

        @Option(names = "--description", description = "up to 4000 characters")
        String description;

        @Option(names = "--estimate", paramLabel = "DURATION", description = "e.g. 90, 1h30 or 6h (default: 2h)")
        String estimate;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "pin a due date (default: scheduled)")
        String due;

        @Option(names = "--at", paramLabel = "N", description = "its # in the plan (default: last)")
        int at;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String planName = refs(client).plan(plan);
            PlanItem.Builder b = PlanItem.newBuilder().setTitle(String.join(" ", title));
            if (description != null) {
                b.setDescription(description);
            }
            if (estimate != null) {
                b.setEstimatedMinutes(Fmt.parseMinutes(estimate, "--estimate"));
            }
            if (due != null) {
                b.setDueDate(due);
            }
            PlanItem added = client.plans()
                    .addPlanItem(AddPlanItemRequest.newBuilder()
                            .setParent(planName)
                            .setPlanItem(b)
                            .setPosition(at)
                            .build())
                    .getPlanItem();
            if (json) {
                Json.print(cli.out, added);
            } else {
                cli.out.printf(
                        "added #%d %s: week %d, due %s, estimate %s%n",
                        added.getPosition(),
                        added.getTitle(),
                        added.getWeek(),
                        added.getDueDate(),
                        Fmt.minutes(added.getEstimatedMinutes()));
                cli.out.flush();
            }
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return Map.of(
                    "plan_item.title",
                    "TITLE",
                    "plan_item.estimated_minutes",
                    "--estimate",
                    "plan_item.due_date",
                    "--due",
                    "plan_item.description",
                    "--description",
                    "position",
                    "--at");
        }
    }

    @Command(
            name = "move",
            mixinStandardHelpOptions = true,
            description = "Moves an item to another # in its plan; the open items are rescheduled in the new order.")
    static final class Move extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ITEM", description = ItemCommands.ITEM_HELP)
        String item;

        @Parameters(index = "1", paramLabel = "TO", description = "the # it should have")
        int to;

        @Option(names = "--plan", paramLabel = "PLAN", description = "default: current plan")
        String plan;

        Move(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).item(item, plan);
            Plan p = client.plans()
                    .getPlan(GetPlanRequest.newBuilder()
                            .setName(ItemDetail.planOf(name))
                            .build())
                    .getPlan();
            if (to < 1 || to > p.getItemsCount()) {
                throw new CliException(ExitCodes.USAGE, "TO must be 1 to " + p.getItemsCount());
            }
            List<String> order = new ArrayList<>(
                    p.getItemsList().stream().map(PlanItem::getName).toList());
            order.remove(name);
            order.add(to - 1, name);
            Plan moved = client.plans()
                    .reorderPlanItems(ReorderPlanItemsRequest.newBuilder()
                            .setName(p.getName())
                            .addAllItemNames(order)
                            .setEtag(p.getEtag())
                            .build())
                    .getPlan();
            if (json) {
                Json.print(cli.out, moved);
            } else {
                PlanItem i = moved.getItems(to - 1);
                cli.out.printf("#%d is now %s (week %d, due %s)%n", to, i.getTitle(), i.getWeek(), i.getDueDate());
                cli.out.flush();
            }
            return 0;
        }
    }
}
