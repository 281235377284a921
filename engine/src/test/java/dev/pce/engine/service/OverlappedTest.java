package dev.pce.engine.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverlappedTest {

    @Test
    void workNotWorthAThreadRunsInTheCallerWhenJoined() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Overlapped<String> work = Overlapped.start(() -> {
            ranOn.set(Thread.currentThread());
            return "done";
        }, false);

        assertThat(ranOn.get()).as("nothing runs before the join").isNull();
        assertThat(work.join()).isEqualTo("done");
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void workWorthAThreadRunsBesideTheCallerAndIsJoinedOnce() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Overlapped<Integer> work = Overlapped.start(() -> {
            ranOn.set(Thread.currentThread());
            started.countDown();
            await(release);
            return 42;
        }, true);

        assertThat(started.await(30, TimeUnit.SECONDS)).as("the work started without a join").isTrue();
        release.countDown();
        assertThat(work.join()).isEqualTo(42);
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().isVirtual()).isTrue();
    }

    @Test
    void theWorksExceptionReachesTheCallerUnwrapped() {
        Overlapped<String> failing = Overlapped.start(() -> {
            throw new IllegalArgumentException("a cycle");
        }, true);

        assertThatThrownBy(failing::join).isInstanceOf(IllegalArgumentException.class).hasMessage("a cycle");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
