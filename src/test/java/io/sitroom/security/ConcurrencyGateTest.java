package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sitroom.error.RetryLater;
import io.sitroom.error.ErrorCode;

class ConcurrencyGateTest {

    @Test
    void whenEveryPermitIsTaken_theNextCallerIsRefusedWith503AndRetryAfter_andServedOnceOneIsFree() throws Exception {
        ConcurrencyGate gate = new ConcurrencyGate(1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> gate.call(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        inside.await(10, TimeUnit.SECONDS);
        RetryLater refused = assertThrows(RetryLater.class, () -> gate.call(() -> "second"));
        assertEquals(ErrorCode.UNAVAILABLE, refused.code());
        assertEquals(1, refused.retryAfterSeconds());
        release.countDown();
        assertEquals("first", holder.get(10, TimeUnit.SECONDS));
        assertEquals("third", gate.call(() -> "third"));
    }

    @Test
    void aPermit_isGivenBack_whenTheWorkThrows() {
        ConcurrencyGate gate = new ConcurrencyGate(1, Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> gate.call(() -> {
            throw new IllegalStateException("bcrypt failed");
        }));
        assertEquals("next", gate.call(() -> "next"));
    }
}
