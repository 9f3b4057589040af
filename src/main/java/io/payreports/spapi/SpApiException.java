package io.payreports.spapi;

import io.payreports.http.Throttled;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An error answer of SP-API: HTTP status plus every entry of Amazon's ErrorList ({@code code},
 * {@code message}, {@code details}); the Transfers API model's own 400 example carries two, and both
 * matter. Throttling and server-side failures are worth another try; other 4xx answers are final.
 */
public class SpApiException extends RuntimeException implements Throttled {

    /** One entry of an ErrorList. */
    public record Error(String code, String message) {

        /**
         * The code without its spelling: the Transfers API reference page printed SCREAMING_CASE
         * ({@code NO_DEPOSIT_METHOD}), the current model uses CamelCase ({@code NoDepositMethod}).
         */
        public String normalizedCode() {
            return code.replace("_", "").toLowerCase(Locale.ROOT);
        }

        public boolean is(String anySpelling) {
            return normalizedCode().equals(new Error(anySpelling, "").normalizedCode());
        }

        @Override
        public String toString() {
            return message == null || message.isBlank() ? code : code + ": " + message;
        }
    }

    private final String operation;
    private final int status;
    private final List<Error> errors;
    private final Duration retryAfter;

    /** A single error, such as one the client derived from an answer without an ErrorList. */
    public SpApiException(String operation, int status, String code, String message, Duration retryAfter) {
        this(operation, status, List.of(new Error(code, message)), retryAfter);
    }

    /** @param errors at least one */
    public SpApiException(String operation, int status, List<Error> errors, Duration retryAfter) {
        super(operation + " failed: HTTP " + status + " "
                + String.join("; ", errors.stream().map(Error::toString).toList()));
        this.operation = operation;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** The first error's code. */
    public String code() {
        return errors.get(0).code();
    }

    /** Every error of the answer, in Amazon's order. */
    public List<Error> errors() {
        return errors;
    }

    /** Whether any error of the answer has this code, in either spelling. */
    public boolean has(String code) {
        return errors.stream().anyMatch(error -> error.is(code));
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }
}
