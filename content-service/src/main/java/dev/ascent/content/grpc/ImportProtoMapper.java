package dev.ascent.content.grpc;

import dev.ascent.content.importer.Cancellation;
import dev.ascent.content.importer.GuideFormat;
import dev.ascent.content.importer.ImportService;
import dev.ascent.proto.content.v1.ImportCounts;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.content.v1.ImportWarning;

/** ImportGuide's request to an import command, and the import's result to its response. */
final class ImportProtoMapper {

    private ImportProtoMapper() {}

    static ImportService.Command command(ImportGuideRequest request, Cancellation cancellation) {
        return new ImportService.Command(
                request.getText().toByteArray(),
                request.getSourceName(),
                request.getTitle(),
                request.getDryRun(),
                format(request.getFormat()),
                cancellation);
    }

    static ImportGuideResponse response(ImportService.Result r) {
        ImportGuideResponse.Builder out = ImportGuideResponse.newBuilder()
                .setRole(CatalogProtoMapper.role(r.role()))
                .setUnchanged(r.unchanged())
                .setFormat(format(r.format()))
                .setCounts(ImportCounts.newBuilder()
                        .setSections(r.counts().sections())
                        .setTopics(r.counts().topics())
                        .setItemsCreated(r.counts().itemsCreated())
                        .setItemsKept(r.counts().itemsKept())
                        .setItemsRemoved(r.counts().itemsRemoved())
                        .setSkillsLinked(r.counts().skillsLinked())
                        .setSalaryRanges(r.counts().salaryRanges())
                        .setRoleCreated(r.counts().roleCreated()));
        r.warnings()
                .forEach(w -> out.addWarnings(
                        ImportWarning.newBuilder().setLine(w.line()).setMessage(w.message())));
        return out.build();
    }

    /** Unspecified (and any value a newer client sends that this server does not know) means AUTO. */
    static GuideFormat format(dev.ascent.proto.content.v1.GuideFormat format) {
        return switch (format) {
            case GUIDE_FORMAT_TEXT -> GuideFormat.TEXT;
            case GUIDE_FORMAT_MARKDOWN -> GuideFormat.MARKDOWN;
            case GUIDE_FORMAT_HTML -> GuideFormat.HTML;
            default -> GuideFormat.AUTO;
        };
    }

    static dev.ascent.proto.content.v1.GuideFormat format(GuideFormat format) {
        return dev.ascent.proto.content.v1.GuideFormat.valueOf("GUIDE_FORMAT_" + format.name());
    }
}
