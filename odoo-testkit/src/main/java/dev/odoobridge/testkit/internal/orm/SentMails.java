package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mails mail.mail.send "sent", kept for tests. Thread-safe. */
final class SentMails {
    private final List<Map<String, Object>> mails = new ArrayList<>();

    synchronized void add(Map<String, Object> mail) {
        mails.add(Map.copyOf(mail));
    }

    synchronized List<Map<String, Object>> all() {
        return List.copyOf(mails);
    }
}
