package io.cardvault.forwarding.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit. A declared {@code Content-Length} over the limit
 * fails at once; a body that grows past it while streaming cancels the subscription, so at most the
 * limit is ever held in memory per forward (and the limit times the per-tenant concurrency in all).
 * The failure is {@code 502 response-too-large}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private final long declared;

    private BoundedBody(long maxBytes, long declared) {
        this.maxBytes = maxBytes;
        this.declared = declared;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info ->
                new BoundedBody(
                        maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > maxBytes) {
            s.cancel();
            result.completeExceptionally(ResponseBodies.tooLarge(maxBytes));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (collected.size() + (long) item.remaining() > maxBytes) {
                subscription.cancel();
                collected.reset();
                result.completeExceptionally(ResponseBodies.tooLarge(maxBytes));
                return;
            }
            if (item.hasArray()) {
                collected.write(
                        item.array(), item.arrayOffset() + item.position(), item.remaining());
                item.position(item.limit());
            } else {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                collected.write(chunk, 0, chunk.length);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(collected.toByteArray());
    }
}
