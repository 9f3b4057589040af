package io.payreports.spapi;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A marketplace and account type an operator allowed on-demand payouts for, written
 * {@code marketplaceId:accountType} (e.g. {@code ATVPDKIKX0DER:Standard Orders}).
 */
public record PayoutTarget(String marketplaceId, String accountType) {

    public PayoutTarget {
        if (marketplaceId == null || marketplaceId.isBlank() || accountType == null || accountType.isBlank()) {
            throw new IllegalArgumentException("a payout target needs a marketplaceId and an accountType");
        }
        marketplaceId = marketplaceId.trim();
        accountType = accountType.trim();
    }

    /** Comma-separated {@code marketplaceId:accountType} entries; blank is none. */
    public static Set<PayoutTarget> parseAll(String text) {
        Set<PayoutTarget> targets = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return targets;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "'" + entry.trim() + "' is not marketplaceId:accountType, e.g. ATVPDKIKX0DER:Standard Orders");
            }
            targets.add(new PayoutTarget(parts[0], parts[1]));
        }
        return targets;
    }

    @Override
    public String toString() {
        return marketplaceId + ":" + accountType;
    }
}
