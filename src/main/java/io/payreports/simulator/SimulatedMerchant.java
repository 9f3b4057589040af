package io.payreports.simulator;

import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.PemKeys;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiRegion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One merchant account the simulators serve when they serve several: its name, its region, its own credentials for
 * each API and its own data, generated from the simulator's seed and the account's name, so two accounts' reports
 * differ. Ids are derived from the name (the same account keeps its ids from one run to the next); secrets and the key
 * pair are new for every account made. {@link #toString} shows no secret.
 *
 * @param name           the account's name: lower-case letters, digits, '-' and '_' (it appears in document URLs)
 * @param publicKeyId    the Amazon Pay PublicKeyId its requests are signed under
 * @param amazonPayKeys  the key pair registered for that id; the private key is what payreports signs with
 * @param lwa            the SP-API app's LWA client and this seller's refresh token
 * @param reportIdsOf    another account whose settlement report ids this one's settlements carry, so that two accounts
 *                       of one region serve colliding report ids (with different content)
 */
public record SimulatedMerchant(
        String name,
        Region region,
        String publicKeyId,
        KeyPair amazonPayKeys,
        LwaCredentials lwa,
        String mwsSellerId,
        String mwsAccessKeyId,
        String mwsSecretKey,
        Optional<String> reportIdsOf) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Amazon's regions as they decide an account's currency, marketplace and hosts. */
    public enum Region {
        NA("USD", "ATVPDKIKX0DER", SpApiRegion.NA, "https://mws.amazonservices.com/"),
        EU("EUR", "A1PA6795UKMFR9", SpApiRegion.EU, "https://mws-eu.amazonservices.com/"),
        // the SP-API serves Japan from its Far East host
        JP("JPY", "A1VC38T7YXB528", SpApiRegion.FE, "https://mws.amazonservices.jp/");

        private final String currency;
        private final String marketplaceId;
        private final SpApiRegion spApiRegion;
        private final URI mwsEndpoint;

        Region(String currency, String marketplaceId, SpApiRegion spApiRegion, String mwsEndpoint) {
            this.currency = currency;
            this.marketplaceId = marketplaceId;
            this.spApiRegion = spApiRegion;
            this.mwsEndpoint = URI.create(mwsEndpoint);
        }

        /** The currency of the account's settlements and transactions. */
        public String currency() {
            return currency;
        }

        /** The SP-API marketplace its transactions are in (Amazon.com, Amazon.de, Amazon.co.jp). */
        public String marketplaceId() {
            return marketplaceId;
        }

        /** The Amazon Pay host the simulator stands in for. */
        public URI amazonPayEndpoint() {
            return AmazonPayConfig.regionalEndpoint(name());
        }

        public SpApiRegion spApiRegion() {
            return spApiRegion;
        }

        public URI mwsEndpoint() {
            return mwsEndpoint;
        }

        /** {@code na}, {@code EU}, ...: the region of that name. */
        public static Region of(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("region must be NA, EU or JP, not '" + text + "'", e);
            }
        }
    }

    public SimulatedMerchant {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("account name must be 1-40 of a-z, 0-9, '-', '_' (starting with a"
                    + " letter or digit), not '" + name + "'");
        }
    }

    /** An account with new credentials: a fresh RSA key pair and random secrets, ids derived from the name. */
    public static SimulatedMerchant generate(String name, Region region) {
        SecureRandom random = new SecureRandom();
        return new SimulatedMerchant(
                name,
                region,
                ids(name, "public-key-id", 24),
                PemKeys.generateRsaKeyPair(),
                new LwaCredentials(
                        "amzn1.application-oa2-client." + HexFormat.of().formatHex(digest(name + "/lwa-client"), 0, 16),
                        "amzn1.oa2-cs.v1." + secret(random),
                        "Atzr|" + secret(random)),
                "A" + ids(name, "seller-id", 13),
                "AKIA" + ids(name, "mws-access-key-id", 16),
                secret(random),
                Optional.empty());
    }

    /**
     * The account from {@code NAME:REGION} (e.g. {@code eu:EU}), optionally {@code NAME:REGION:report-ids-of=OTHER}
     * to serve the other account's settlement report ids.
     */
    public static SimulatedMerchant parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("an account is NAME:REGION[:report-ids-of=OTHER], not '" + spec + "'");
        }
        SimulatedMerchant merchant = generate(parts[0].trim(), Region.of(parts[1]));
        if (parts.length == 3) {
            String[] option = parts[2].split("=", 2);
            if (option.length != 2 || !option[0].trim().equals("report-ids-of")) {
                throw new IllegalArgumentException(
                        "an account is NAME:REGION[:report-ids-of=OTHER], not '" + spec + "'");
            }
            return merchant.withReportIdsOf(option[1].trim());
        }
        return merchant;
    }

    /**
     * This account's settlements carry the report ids the other account's would have for the same currency and
     * period: with an account of the same region, every settlement report id collides while the content differs.
     */
    public SimulatedMerchant withReportIdsOf(String otherAccount) {
        return new SimulatedMerchant(
                name,
                region,
                publicKeyId,
                amazonPayKeys,
                lwa,
                mwsSellerId,
                mwsAccessKeyId,
                mwsSecretKey,
                Optional.of(otherAccount));
    }

    /**
     * The account's settlements in a simulator of this seed: its own data seed, and its report ids or the named other
     * account's. {@code SettlementReportGenerator.plan(account.books(seed), now, 90)} lists what it serves.
     */
    public SettlementReportGenerator.Books books(long simulatorSeed) {
        return new SettlementReportGenerator.Books(
                seedOf(simulatorSeed, name),
                seedOf(simulatorSeed, reportIdsOf.orElse(name)),
                List.of(region.currency()));
    }

    /** The data seed of an account: the simulator's seed and the account's name. */
    static long seedOf(long simulatorSeed, String accountName) {
        return simulatorSeed ^ (accountName.hashCode() * 0x9E3779B97F4A7C15L) ^ 0x5EED_ACC0L;
    }

    @Override
    public String toString() {
        return "SimulatedMerchant[" + name + ", " + region + ", publicKeyId=" + publicKeyId + "]";
    }

    private static String ids(String name, String what, int length) {
        byte[] digest = digest(name + "/" + what);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALNUM.charAt((digest[i] & 0xff) % ALNUM.length()));
        }
        return id.toString();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
