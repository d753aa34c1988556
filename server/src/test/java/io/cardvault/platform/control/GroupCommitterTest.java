package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

    @Test
    void aCallerIsReleasedOnlyOnceItsCommitIsDurable() throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch deviceDone = new CountDownLatch(1);
        AtomicInteger committed = new AtomicInteger();
        GroupCommitter committer =
                new GroupCommitter(
                        group -> group.forEach(p -> p.work().run()),
                        () -> {
                            syncing.countDown();
                            await(deviceDone);
                        });
        CompletableFuture<Void> call =
                CompletableFuture.runAsync(() -> committer.submit(committed::incrementAndGet));
        assertTrue(syncing.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertEquals(1, committed.get());
        assertFalse(call.isDone(), "released before the fsync returned");
        deviceDone.countDown();
        call.get(10, TimeUnit.SECONDS);
        committer.stop();
    }

    @Test
    void aFailedSyncFailsTheCallers_aFailedCommitDoesNotWaitForASync() {
        IllegalStateException deviceError = new IllegalStateException("fsync failed");
        GroupCommitter syncFails =
                new GroupCommitter(
                        group -> group.forEach(p -> p.work().run()),
                        () -> {
                            throw deviceError;
                        });
        assertSame(
                deviceError,
                assertThrows(IllegalStateException.class, () -> syncFails.submit(() -> {})));
        syncFails.stop();

        AtomicInteger syncs = new AtomicInteger();
        IllegalStateException commitError = new IllegalStateException("commit failed");
        GroupCommitter commitFails =
                new GroupCommitter(
                        group -> {
                            throw commitError;
                        },
                        syncs::incrementAndGet);
        assertSame(
                commitError,
                assertThrows(IllegalStateException.class, () -> commitFails.submit(() -> {})));
        assertEquals(0, syncs.get());
        commitFails.stop();
    }

    @Test
    void stopCommitsWhatIsQueued() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        GroupCommitter committer =
                new GroupCommitter(
                        group -> {
                            inCommit.countDown();
                            await(release);
                            group.forEach(p -> p.work().run());
                        },
                        () -> {});
        CompletableFuture<Void> first =
                CompletableFuture.runAsync(() -> committer.submit(done::incrementAndGet));
        assertTrue(inCommit.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> second =
                CompletableFuture.runAsync(() -> committer.submit(done::incrementAndGet));
        while (committer.queued() < 1) {
            Thread.sleep(5);
        }
        CompletableFuture<Void> stop = CompletableFuture.runAsync(committer::stop);
        release.countDown();
        stop.get(20, TimeUnit.SECONDS);
        first.get(1, TimeUnit.SECONDS);
        second.get(1, TimeUnit.SECONDS);
        assertEquals(2, done.get());
        ExecutionException late =
                assertThrows(
                        ExecutionException.class,
                        () ->
                                CompletableFuture.runAsync(() -> committer.submit(() -> {}))
                                        .get(10, TimeUnit.SECONDS));
        assertTrue(late.getCause() instanceof IllegalStateException);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
