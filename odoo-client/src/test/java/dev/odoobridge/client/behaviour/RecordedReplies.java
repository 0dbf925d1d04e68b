package dev.odoobridge.client.behaviour;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.testing.RecordedAnswers.Answer;
import java.util.List;
import java.util.Map;

/** Clients for replaying recorded answers: one per wire name, pointed at a local server. */
final class RecordedReplies {
    static final String API_KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";

    private RecordedReplies() {
    }

    /** The client transport for a recording's transport ({@code http} recordings were JSON-2 probes). */
    static Transport transport(String wireName) {
        return switch (wireName) {
            case "xmlrpc" -> Transport.XMLRPC;
            case "jsonrpc" -> Transport.JSONRPC;
            default -> Transport.JSON2;
        };
    }

    static OdooClient client(String url, Transport transport, RetryPolicy retry) {
        return OdooClients.create(OdooConfig.builder().url(url).database("retail").login("admin")
                .secret(transport == Transport.JSON2 ? API_KEY : "admin").transport(transport).retryPolicy(retry).build());
    }

    /** Makes the recorded ORM call again through the public API (the answer is replayed, the arguments do not matter). */
    static Object callAgain(OdooClient client, Answer answer) {
        String model = answer.model() == null || answer.model().isBlank() ? "res.partner" : answer.model();
        String method = answer.method() == null || answer.method().isBlank() ? "search_count" : answer.method();
        List<Long> ids = answer.ids();
        return client.model(model).call(method, ids, Map.of());
    }
}
