package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** The kafka sink's security parameters as Kafka client properties, and what it refuses before any client is made. */
class KafkaSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"payreports\" password=\"scram-password-1\";";

    @Test
    void everyParameterBecomesItsClientProperty() {
        KafkaSecurity security = KafkaSecurity.of(Map.ofEntries(
                Map.entry("bootstrapServers", "kafka-1:9096"),
                Map.entry("securityProtocol", "SASL_SSL"),
                Map.entry("saslMechanism", "SCRAM-SHA-512"),
                Map.entry("saslJaasConfig", JAAS),
                Map.entry("sslTruststoreLocation", "/etc/payreports/truststore.p12"),
                Map.entry("sslTruststorePassword", "trust-password"),
                Map.entry("sslKeystoreLocation", "/etc/payreports/keystore.p12"),
                Map.entry("sslKeystorePassword", "keystore-password"),
                Map.entry("sslKeyPassword", "key-password"),
                Map.entry("sslEndpointIdentificationAlgorithm", "")));

        assertThat(security.clientProperties())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("sasl.jaas.config", JAAS),
                        Map.entry("ssl.truststore.location", "/etc/payreports/truststore.p12"),
                        Map.entry("ssl.truststore.password", "trust-password"),
                        Map.entry("ssl.keystore.location", "/etc/payreports/keystore.p12"),
                        Map.entry("ssl.keystore.password", "keystore-password"),
                        Map.entry("ssl.key.password", "key-password"),
                        Map.entry("ssl.endpoint.identification.algorithm", ""));
    }

    @Test
    void withoutSecurityParametersTheClientsKeepTheirPlaintextDefault() {
        assertThat(KafkaSecurity.of(Map.of("bootstrapServers", "kafka-1:9092")).clientProperties())
                .isEmpty();
    }

    @Test
    void anErrorQuotingASecretIsShownWithTheSecretMasked() {
        KafkaSecurity security = KafkaSecurity.of(Map.of(
                "securityProtocol", "SASL_SSL",
                "saslMechanism", "SCRAM-SHA-256",
                "saslJaasConfig", JAAS,
                "sslTruststorePassword", "trust-password"));
        SaslAuthenticationException quoting =
                new SaslAuthenticationException("refused scram-password-1 and trust-password");
        SaslAuthenticationException plain = new SaslAuthenticationException("Authentication failed");

        assertThat(security.redacted(quoting)).hasMessage("refused **** and ****");
        assertThat(security.redacted(plain)).isSameAs(plain);
    }

    @Test
    void anUnknownProtocolOrMechanismOrASaslLoginWithoutItsJaasConfigIsRefusedByName() {
        assertThatThrownBy(() -> KafkaSecurity.of(Map.of("securityProtocol", "TLS")))
                .isInstanceOf(SinkParameterException.class)
                .hasMessage("securityProtocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not 'TLS'");
        assertThatThrownBy(() -> KafkaSecurity.of(
                        Map.of("securityProtocol", "SASL_SSL", "saslMechanism", "GSSAPI", "saslJaasConfig", JAAS)))
                .hasMessage("saslMechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, not 'GSSAPI'");
        assertThatThrownBy(() -> KafkaSecurity.of(Map.of("securityProtocol", "SASL_SSL", "saslMechanism", "PLAIN")))
                .hasMessage("saslJaasConfig is required with securityProtocol SASL_SSL");
        assertThatThrownBy(() -> KafkaSecurity.of(Map.of("saslMechanism", "PLAIN")))
                .hasMessage("saslMechanism needs securityProtocol SASL_PLAINTEXT or SASL_SSL, not PLAINTEXT");
    }
}
