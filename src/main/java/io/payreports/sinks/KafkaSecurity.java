package io.payreports.sinks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How the kafka sink's clients (its producers and its health probe's admin client) reach a cluster with TLS
 * and SASL: the template parameters, named as camel-kafka names its options, as Kafka client properties.
 * The secrets among them (the JAAS config, the store and key passwords) are kept to be masked wherever a
 * client's error is shown; the Kafka clients themselves log them as {@code [hidden]}.
 */
public final class KafkaSecurity {

    /**
     * Template parameter to Kafka client property, in the template's order: the sink's keys are read, and their
     * problems reported, in the same order on every start (a {@code Map.of} would vary it from run to run).
     */
    private static final Map<String, String> PROPERTIES = ordered(
            "securityProtocol", CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            "saslMechanism", SaslConfigs.SASL_MECHANISM,
            "saslJaasConfig", SaslConfigs.SASL_JAAS_CONFIG,
            "sslTruststoreLocation", SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
            "sslTruststorePassword", SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
            "sslKeystoreLocation", SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
            "sslKeystorePassword", SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG,
            "sslKeyPassword", SslConfigs.SSL_KEY_PASSWORD_CONFIG,
            "sslEndpointIdentificationAlgorithm", SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG);

    private static Map<String, String> ordered(String... parameterThenProperty) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < parameterThenProperty.length; i += 2) {
            pairs.put(parameterThenProperty[i], parameterThenProperty[i + 1]);
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** The security parameters of the kafka sink's template. */
    public static final Set<String> PARAMETERS = PROPERTIES.keySet();

    private static final List<String> SECRETS =
            List.of("saslJaasConfig", "sslTruststorePassword", "sslKeystorePassword", "sslKeyPassword");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");
    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** The mechanisms a JAAS config alone sets up; GSSAPI (Kerberos) and OAUTHBEARER need more. */
    private static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    private final Map<String, Object> clientProperties;
    private final List<String> secrets;

    private KafkaSecurity(Map<String, Object> clientProperties, List<String> secrets) {
        this.clientProperties = clientProperties;
        this.secrets = secrets;
    }

    /**
     * The security parameters among a kafka sink's resolved template parameters (a parameter not given is
     * absent). Throws naming the parameter when the protocol or mechanism is unknown or SASL lacks what it needs.
     */
    public static KafkaSecurity of(Map<String, String> parameters) {
        String protocol = parameters.getOrDefault("securityProtocol", "PLAINTEXT");
        oneOf("securityProtocol", protocol, PROTOCOLS);
        boolean sasl = protocol.startsWith("SASL_");
        for (String saslParameter : List.of("saslMechanism", "saslJaasConfig")) {
            if (sasl && !parameters.containsKey(saslParameter)) {
                throw new SinkParameterException(saslParameter, "is required with securityProtocol " + protocol);
            }
            if (!sasl && parameters.containsKey(saslParameter)) {
                throw new SinkParameterException(
                        saslParameter, "needs securityProtocol SASL_PLAINTEXT or SASL_SSL, not " + protocol);
            }
        }
        if (sasl) {
            oneOf("saslMechanism", parameters.get("saslMechanism"), MECHANISMS);
        }
        Map<String, Object> properties = new HashMap<>();
        PROPERTIES.forEach((parameter, property) -> {
            if (parameters.containsKey(parameter)) {
                properties.put(property, parameters.get(parameter));
            }
        });
        List<String> secrets = new ArrayList<>();
        SECRETS.stream().map(parameters::get).filter(Objects::nonNull).forEach(secrets::add);
        // a password placed into the JAAS config ({{env:..}}) is a secret of its own, in case a message quotes it
        Optional.ofNullable(parameters.get("saslJaasConfig"))
                .map(JAAS_PASSWORD::matcher)
                .filter(Matcher::find)
                .ifPresent(password -> secrets.add(password.group(1)));
        return new KafkaSecurity(Map.copyOf(properties), List.copyOf(secrets));
    }

    private static void oneOf(String parameter, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new SinkParameterException(
                    parameter,
                    "must be " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                            + allowed.get(allowed.size() - 1) + ", not '" + value + "'");
        }
    }

    /** The Kafka client properties to add to a producer's or an admin client's. */
    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    /**
     * {@code error} as it may be shown: itself when neither its message nor its cause's holds a secret, else
     * an exception of the same kind of reason with the secrets masked (a JAAS config a client quotes back).
     */
    public Exception redacted(Exception error) {
        String reason = Reachable.reason(error);
        String masked = Redaction.secrets(reason, secrets);
        return masked.equals(reason) ? error : new KafkaSecurityException(masked);
    }

    /** A Kafka client's error with the sink's secrets masked; the original is dropped, as its message holds them. */
    static final class KafkaSecurityException extends Exception {
        KafkaSecurityException(String message) {
            super(message);
        }
    }
}
