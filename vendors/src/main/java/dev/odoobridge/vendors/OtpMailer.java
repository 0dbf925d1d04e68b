package dev.odoobridge.vendors;

/** Delivers a code. The implementation must not log the body. */
public interface OtpMailer {

    /**
     * Sends the code.
     *
     * @param source source whose Odoo sends the mail
     * @param emailTo recipient
     * @param subject mail subject
     * @param htmlBody the body, containing the code
     */
    void send(String source, String emailTo, String subject, String htmlBody);
}
