package dev.ascent.tracker.account;

import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.User;
import dev.ascent.tracker.grpc.Timestamps;

final class AccountProtoMapper {

    private AccountProtoMapper() {}

    static User user(UserRow row) {
        return User.newBuilder()
                .setName(row.name())
                .setHandle(row.handle())
                .setDisplayName(row.displayName())
                .setAdmin(row.admin())
                .setCreateTime(Timestamps.of(row.createTime()))
                .build();
    }

    static AccessToken token(String handle, AccessTokenRow row) {
        AccessToken.Builder b = AccessToken.newBuilder()
                .setName("users/" + handle + "/accessTokens/" + row.id())
                .setLabel(row.label())
                .setPrefix(row.prefix())
                .setCreateTime(Timestamps.of(row.createTime()));
        if (row.lastUseTime() != null) {
            b.setLastUseTime(Timestamps.of(row.lastUseTime()));
        }
        if (row.revokeTime() != null) {
            b.setRevokeTime(Timestamps.of(row.revokeTime()));
        }
        return b.build();
    }
}
