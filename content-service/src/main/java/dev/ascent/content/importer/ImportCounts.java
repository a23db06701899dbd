package dev.ascent.content.importer;

/** What an import created, kept or removed. */
public record ImportCounts(
        int sections,
        int topics,
        int itemsCreated,
        int itemsKept,
        int itemsRemoved,
        int skillsLinked,
        int salaryRanges,
        boolean roleCreated) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, false);
}
