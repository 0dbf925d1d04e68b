package dev.odoobridge.portal.links;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.portal.web.SignedIn;
import dev.odoobridge.vendors.LinkChallenge;
import dev.odoobridge.vendors.PartnerDirectory;
import dev.odoobridge.vendors.VendorLink;
import dev.odoobridge.vendors.VendorLinkException;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor's shops: {@code GET /links} lists the links and offers the form to request one (a shop, the partner by
 * id or email, and where the code goes: the partner's or the shop's address), {@code POST /links/request} sends the
 * code through that shop's Odoo, {@code POST /links/confirm} checks it and stores the link, {@code POST /links/unlink}
 * revokes one of the vendor's own links. Every action is the signed-in vendor's: no form field names a vendor.
 */
public final class LinkPages implements PageModule {
    private static final Logger LOG = LoggerFactory.getLogger(LinkPages.class);

    private final VendorLinking linking;
    private final PartnerDirectory partners;
    private final VendorStore audit;
    private final Map<String, Optional<String>> shops;
    private final Clock clock;

    /**
     * @param linking the linking handshake
     * @param partners partner lookup by email
     * @param audit where requests are recorded ({@code link_requested}; linking records {@code linked}, {@code unlinked})
     * @param shops the sources a vendor may link to, in the order shown, each with its shop address if configured
     * @param clock time of the audit events
     */
    public LinkPages(VendorLinking linking, PartnerDirectory partners, VendorStore audit, Map<String, Optional<String>> shops,
                     Clock clock) {
        this.linking = Objects.requireNonNull(linking, "linking == null");
        this.partners = Objects.requireNonNull(partners, "partners == null");
        this.audit = Objects.requireNonNull(audit, "audit == null");
        this.shops = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shops));
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void register(Router router) {
        router.get("/links", e -> page(e, 200, null, null));
        router.post("/links/request", this::request);
        router.post("/links/confirm", this::confirm);
        router.post("/links/unlink", this::unlink);
    }

    private void page(Exchange e, int status, String notice, String error) {
        SignedIn who = e.vendor();
        List<VendorLink> links = linking.links(who.vendor());
        Map<String, Object> p = new HashMap<>();
        p.put("frame", e.frame("Your shops"));
        p.put("links", links);
        p.put("shops", List.copyOf(shops.keySet()));
        p.put("notice", notice);
        p.put("error", error);
        e.page(status, "links.jte", p);
    }

    private void request(Exchange e) {
        String vendor = e.vendor().vendor();
        String source = e.form("source").orElse("");
        if (!shops.containsKey(source)) {
            page(e, 400, null, "Pick one of the shops in the list.");
            return;
        }
        VendorLinking.DeliveryTarget target;
        switch (e.form("delivery").orElse("partner")) {
            case "partner" -> target = VendorLinking.DeliveryTarget.PARTNER;
            case "shop" -> target = VendorLinking.DeliveryTarget.SHOP;
            default -> throw PortalException.badRequest("Choose where the code goes: your partner address or the shop.");
        }
        String partnerField = e.form("partner").orElse("").strip();
        long partnerId;
        try {
            partnerId = partnerId(source, partnerField);
        } catch (IllegalArgumentException x) {
            page(e, 400, null, x.getMessage());
            return;
        }
        LinkChallenge c;
        try {
            c = linking.requestLink(vendor, source, partnerId, shops.get(source).orElse(null), target);
        } catch (VendorLinkException x) {
            page(e, x.reason() == VendorLinkException.Reason.RATE_LIMITED ? 429 : 400, null, message(x));
            return;
        } catch (RuntimeException x) {
            LOG.warn("could not send a link code through {}: {}", source, x.toString());
            page(e, 503, null, "The shop's Odoo could not send the code right now. Try again in a few minutes.");
            return;
        }
        audit.audit(vendor, source, partnerId, "link_requested", target.name().toLowerCase(java.util.Locale.ROOT)
                + " " + c.sentTo(), clock.instant());
        page(e, 200, "A code went to " + c.sentTo() + " through " + source + "'s Odoo. Enter it below; it works once, "
                + "until " + c.expiresAt() + ".", null);
    }

    private long partnerId(String source, String field) {
        if (field.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(field);
            if (id > 0) {
                return id;
            }
        }
        if (field.indexOf('@') > 0 && field.length() <= 254) {
            List<PartnerDirectory.Partner> found;
            try {
                found = partners.findByEmail(source, field);
            } catch (RuntimeException x) {
                LOG.warn("could not look a partner up by email in {}: {}", source, x.toString());
                throw new IllegalArgumentException("The shop's Odoo could not be asked right now. Try again later.");
            }
            if (found.size() == 1) {
                return found.get(0).id();
            }
            throw new IllegalArgumentException(found.isEmpty()
                    ? "The shop has no active partner with that email address. Ask the shop for your partner id."
                    : "Several partners of the shop have that email address. Enter your partner id instead.");
        }
        throw new IllegalArgumentException("Enter your partner id (a number the shop gave you) or the partner's email.");
    }

    private void confirm(Exchange e) {
        String code = e.form("code").orElse("");
        try {
            VendorLink link = linking.confirm(e.vendor().vendor(), code);
            page(e, 200, "Linked to partner " + link.partnerId() + " of " + link.source() + ".", null);
        } catch (VendorLinkException x) {
            page(e, 400, null, message(x));
        }
    }

    private void unlink(Exchange e) {
        String source = e.form("source").orElse("");
        long partner;
        try {
            partner = Long.parseLong(e.form("partner").orElse(""));
        } catch (NumberFormatException x) {
            throw PortalException.notFound();
        }
        try {
            linking.unlink(e.vendor().vendor(), source, partner, "portal (" + e.vendor().vendor() + ")");
        } catch (VendorLinkException x) {
            throw PortalException.notFound();
        }
        page(e, 200, "Unlinked from partner " + partner + " of " + source + ".", null);
    }

    private static String message(VendorLinkException x) {
        return switch (x.reason()) {
            case UNKNOWN_SOURCE -> "Pick one of the shops in the list.";
            case UNKNOWN_PARTNER -> "The shop has no active partner with that id.";
            case NO_EMAIL -> "There is no address to send the code to. Choose the other destination, or ask the shop to "
                    + "add an email address to your partner.";
            case RATE_LIMITED -> "A code was asked for this partner or by you very recently, or too often today. "
                    + "Wait a little, then try again.";
            case NO_CHALLENGE -> "There is no pending code. Ask for one first.";
            case EXPIRED -> "The code has expired. Ask for a new one.";
            case ALREADY_USED -> "This code was used already. Ask for a new one.";
            case TOO_MANY_ATTEMPTS -> "Too many wrong attempts. Ask for a new code.";
            case WRONG_CODE -> "Wrong code. Check the mail and try again.";
            case NOT_LINKED -> "You are not linked to that partner.";
        };
    }
}
