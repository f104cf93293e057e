package org.tcc.contracts.events.notification;

/** How a notification reached (or failed to reach) its recipient. */
public enum Channel {
    STREAM, WEBHOOK, EMAIL
}
