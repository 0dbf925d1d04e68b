package dev.odoobridge.portal.pages;

import dev.odoobridge.vendors.restock.RestockLine;
import java.util.List;

/**
 * What the restock form shows: the proposed lines of one shop, each adjustable, and the form's one-time token.
 *
 * @param base where the portal is mounted
 * @param source the shop
 * @param token the form's one-time token (a second submit of the same form creates nothing)
 * @param lines the proposed lines, with the supplier partner each goes to
 * @param covered urgent products already covered by stock and incoming
 * @param coverDays days of demand the proposal covers
 * @param maxQuantity the largest quantity a line accepts
 */
public record RestockForm(String base, String source, String token, List<FormLine> lines, List<RestockLine> covered,
                          int coverDays, long maxQuantity) {
    public RestockForm {
        lines = List.copyOf(lines);
        covered = List.copyOf(covered);
    }

    /**
     * One adjustable line.
     *
     * @param partnerName the supplier partner the line goes to
     * @param line the planner's line
     */
    public record FormLine(String partnerName, RestockLine line) {
        /** The form field of its quantity. */
        public String field() {
            return "qty_" + line.productId();
        }
    }
}
