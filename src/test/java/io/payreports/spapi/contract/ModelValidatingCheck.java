package io.payreports.spapi.contract;

import io.payreports.simulator.SpApiExchangeCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test suite's check of every exchange an SP-API simulator serves (registered through
 * META-INF/services, so it sees simulators that tests, commands and demo mode start alike): the
 * request our client sent must conform to Amazon's model, and so must the simulator's answer.
 * A request the simulator itself refused as invalid (400, 404, 405) may break the model: tests send
 * those on purpose. Every violation is remembered for {@link ModelViolationsExtension}, which fails
 * the test that caused it, and thrown, so the simulator answers 500 ModelViolation on the spot.
 */
public final class ModelValidatingCheck implements SpApiExchangeCheck {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    /** Instantiated when a simulator starts: the models are parsed then, not during its first answer. */
    public ModelValidatingCheck() {
        SpApiModels.load();
    }

    @Override
    public void check(Exchange exchange) {
        List<String> broken = new ArrayList<>();
        List<String> request = SpApiModels.requestViolations(
                exchange.method(),
                exchange.path(),
                exchange.rawQuery(),
                header(exchange.requestHeaders(), "Content-Type"),
                exchange.requestBody());
        boolean refused = exchange.status() == 400 || exchange.status() == 404 || exchange.status() == 405;
        if (!refused) {
            request.forEach(violation -> broken.add("request: " + violation));
        }
        boolean modelHasOperation = request.stream()
                .noneMatch(violation -> violation.startsWith("validation.request.path.missing")
                        || violation.startsWith("validation.request.operation.notAllowed"));
        if (modelHasOperation) {
            SpApiModels.responseViolations(
                            exchange.method(),
                            exchange.path(),
                            exchange.status(),
                            header(exchange.responseHeaders(), "Content-Type"),
                            exchange.responseBody())
                    .forEach(violation -> broken.add("response " + exchange.status() + ": " + violation));
        }
        if (!broken.isEmpty()) {
            String violation = exchange.method() + " " + exchange.path()
                    + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery()) + " breaks Amazon's model: "
                    + String.join("; ", broken);
            VIOLATIONS.add(violation);
            throw new AssertionError(violation);
        }
    }

    /** The violations seen since the last call, and forgets them. */
    public static List<String> takeViolations() {
        List<String> taken = List.copyOf(VIOLATIONS);
        VIOLATIONS.removeAll(taken);
        return taken;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElse(null);
    }
}
