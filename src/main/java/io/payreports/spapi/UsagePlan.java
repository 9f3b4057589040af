package io.payreports.spapi;

/**
 * An SP-API usage plan: a token bucket of {@code burst} requests refilled at {@code rate} per second.
 * The models give each operation's default; Amazon grants some sellers more (the models: "Selling
 * partners whose business demands require higher throughput might have higher rate and burst values").
 */
public record UsagePlan(double rate, int burst) {

    public UsagePlan {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("a usage plan needs rate > 0 and burst >= 1, not " + rate + "/" + burst);
        }
    }
}
