package io.payreports.spapi;

import java.util.Optional;

/** The SP-API operations payreports calls, with the paths, methods and default usage plans of Amazon's current models. */
public enum SpApiOperation {
    /** Finances API v2024-06-19 model: rate 0.5/s, burst 10. */
    listTransactions("GET", "/finances/2024-06-19/transactions", 0.5, 10),
    /** Transfers API v2024-06-01 model: a GET with query parameters, rate 0.5/s, burst 30. */
    getPaymentMethods("GET", "/finances/transfers/2024-06-01/paymentMethods", 0.5, 30),
    /** Transfers API v2024-06-01 model: rate 0.017/s (one a minute), burst 2. */
    initiatePayout("POST", "/finances/transfers/2024-06-01/payouts", 0.017, 2);

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

    /** The model's default usage plan; a seller's own may be higher. */
    public UsagePlan usagePlan() {
        return new UsagePlan(rate, burst);
    }
}
