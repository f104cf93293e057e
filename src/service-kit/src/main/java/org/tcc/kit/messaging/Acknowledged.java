package org.tcc.kit.messaging;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** An outgoing message whose broker acknowledgement (or failure) completes a future the sender can wait on. */
public final class Acknowledged {

    private Acknowledged() {
    }

    public static <T> Message<T> message(T payload, Metadata metadata, CompletableFuture<Void> ack) {
        return Message.of(payload, metadata,
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
