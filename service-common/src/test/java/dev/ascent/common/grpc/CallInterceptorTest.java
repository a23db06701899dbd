package dev.ascent.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CallInterceptorTest {

    @Test
    void theCallLogShowsMillisecondsWithThreeDecimals() {
        assertEquals("0.000", CallInterceptor.millis(0));
        assertEquals("0.005", CallInterceptor.millis(5));
        assertEquals("0.050", CallInterceptor.millis(50));
        assertEquals("12.034", CallInterceptor.millis(12_034));
        assertEquals("1000.500", CallInterceptor.millis(1_000_500));
    }
}
