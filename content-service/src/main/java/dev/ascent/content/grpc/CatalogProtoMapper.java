package dev.ascent.content.grpc;

import com.google.protobuf.Timestamp;
import dev.ascent.content.catalog.RoleRow;
import dev.ascent.proto.content.v1.Role;
import java.time.Instant;

/** Catalog rows to proto messages. */
final class CatalogProtoMapper {

    private CatalogProtoMapper() {
    }

    static Role roleHeader(RoleRow row) {
        return Role.newBuilder()
                .setName(row.name())
                .setTitle(row.title())
                .setRevision(row.revision())
                .setUpdateTime(timestamp(row.updateTime()))
                .setEtag(Integer.toString(row.revision()))
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
