package io.payreports.simulator;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Looks at every SP-API exchange the simulator serves, before its answer goes out. The simulator is
 * a test double, so what it serves and accepts must itself be checked against Amazon's models:
 * implementations found on the class path ({@link ServiceLoader}, as the test suite registers its
 * model validator) see every SP-API simulator of the JVM, including those started by commands and
 * by demo mode, not only those a test builds.
 */
@FunctionalInterface
public interface SpApiExchangeCheck {

    /** One served exchange. Header names as the HTTP server gives them. */
    record Exchange(
            String method,
            String path,
            String rawQuery,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {}

    /**
     * @throws AssertionError when the exchange breaks the model; the simulator then answers 500
     *                        ModelViolation instead, so the failure is loud where it happened
     */
    void check(Exchange exchange);

    /** The checks on the class path. */
    static List<SpApiExchangeCheck> installed() {
        return ServiceLoader.load(SpApiExchangeCheck.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
