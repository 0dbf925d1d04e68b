package dev.odoobridge.testkit.internal.orm;

import java.util.List;

/** Sends the webhook posts of automation rules over HTTP. */
public interface WebhookSender {
    /**
     * Sends {@code posts}.
     *
     * @param awaitAnswers when true, returns only once every post was answered or failed (Odoo 17/18 post
     *                     synchronously with a 1 s timeout inside the transaction); when false, returns at once
     */
    void send(List<WebhookPost> posts, boolean awaitAnswers);
}
