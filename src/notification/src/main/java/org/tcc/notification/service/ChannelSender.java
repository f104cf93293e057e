package org.tcc.notification.service;

import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.NotificationEntry;

/** Sends one notification over one channel; throws when the attempt failed (the message becomes the error). */
public interface ChannelSender {

    void send(Delivery delivery, NotificationEntry entry) throws Exception;

    /** A failed attempt whose message is recorded as it is (the detail went to the service log). */
    final class Failed extends Exception {
        public Failed(String message) {
            super(message, null, false, false);
        }
    }
}
