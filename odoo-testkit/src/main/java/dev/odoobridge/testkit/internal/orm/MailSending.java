package dev.odoobridge.testkit.internal.orm;

import java.util.List;
import java.util.Map;

/**
 * mail.mail.send: marks mails sent, remembers them for tests and deletes those with {@code auto_delete}. Returns
 * None, as Odoo's does (a "cannot marshal None" fault over XML-RPC, after the mails were sent).
 */
final class MailSending {
    private MailSending() {
    }

    static Object send(Call call) {
        int[] ids = call.args().idArray();
        Writer writer = call.writer();
        for (int id : ids) {
            if (!call.table().exists(id)) {
                continue;
            }
            writer.write("mail.mail", new int[] {id}, Map.of("state", "sent"), false);
            Map<String, Object> mail = Reader.read(call.records(), call.table(), new int[] {id}, List.of("subject",
                    "body_html", "email_to", "email_from", "auto_delete", "state", "attachment_ids", "model",
                    "res_id")).get(0);
            call.sentMails().add(mail);
            if (Boolean.TRUE.equals(mail.get("auto_delete"))) {
                writer.unlink("mail.mail", new int[] {id}, false);
            }
        }
        return null;
    }
}
