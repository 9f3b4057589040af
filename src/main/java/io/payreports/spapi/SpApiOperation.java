package io.payreports.spapi;

import java.util.Optional;

/** The SP-API operations payreports calls, with Amazon's paths and default usage plans. */
public enum SpApiOperation {
    /** Seed 002: rate 0.5/s, burst 10. */
    listTransactions("GET", "/finances/2024-06-19/transactions", 0.5, 10),
    /** Seed 004 gives no usage plan for it; paced like its sibling initiatePayout to stay polite. */
    getPaymentMethods("POST", "/finances/transfers/2024-06-01/paymentmethods", 0.5, 30),
    /** Seed 004: rate 0.5/s, burst 30. */
    initiatePayout("POST", "/finances/transfers/2024-06-01/payouts", 0.5, 30);

    private final String method;
    private final String path;
    private final double rate;
    private final int burst;

    SpApiOperation(String method, String path, double rate, int burst) {
        this.method = method;
        this.path = path;
        this.rate = rate;
        this.burst = burst;
    }

    public static Optional<SpApiOperation> named(String name) {
        for (SpApiOperation operation : values()) {
            if (operation.name().equals(name)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Requests per second of Amazon's usage plan. */
    public double rate() {
        return rate;
    }

    public int burst() {
        return burst;
    }
}
