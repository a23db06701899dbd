package dev.ascent.content.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("salary_range")
public record SalaryRow(
        @Id @GeneratedValue Long id,
        long roleId,
        long sourceId,
        String label,
        @Nullable Long minAmount,
        @Nullable Long maxAmount,
        String currency,
        String period,
        String rawText,
        int line) {}
