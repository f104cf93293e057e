package org.tcc.console.proxy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problems the console answers itself, with the API convention's {@code urn:tcc:problem:<kind>} types. */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext rc, int status, String kind, String title, String detail) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "urn:tcc:problem:" + kind).put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }
}
