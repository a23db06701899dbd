package dev.ascent.web;

import dev.ascent.client.AscentClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.File;
import java.time.Duration;

/** One client (two channels) for the whole app; each request acts through a view with the signed-in user's token. */
@Factory
final class PlatformFactory {

    @Singleton
    @Bean(preDestroy = "close")
    AscentClient platform(
            @Value("${ascent.web.content-target}") String content,
            @Value("${ascent.web.tracker-target}") String tracker,
            @Value("${ascent.web.deadline:10s}") Duration deadline,
            @Value("${ascent.web.ca-file:}") String caFile) {
        return AscentClient.builder()
                .contentTarget(content)
                .trackerTarget(tracker)
                .deadline(deadline)
                .caFile(caFile.isBlank() ? null : new File(caFile))
                .build();
    }
}
