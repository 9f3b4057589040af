package io.payreports.spapi.contract;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which an SP-API simulator served an exchange that breaks Amazon's model
 * (see {@link ModelValidatingCheck}), even when the test itself expected an error and would not
 * notice the simulator's 500. Registered for every test through JUnit's extension auto-detection
 * (src/test/resources/junit-platform.properties and META-INF/services).
 */
public final class ModelViolationsExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ModelValidatingCheck.takeViolations();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = ModelValidatingCheck.takeViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " SP-API exchange(s) broke Amazon's model during "
                    + context.getDisplayName() + ":\n" + String.join("\n", violations));
        }
    }
}
