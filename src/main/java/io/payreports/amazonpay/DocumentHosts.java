package io.payreports.amazonpay;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts report documents may be downloaded from. A document URL comes from an API answer and
 * is fetched unsigned from whatever host it names; the allow-list keeps a forged or misrouted
 * answer from making payreports connect anywhere else. Entries are exact host names or
 * {@code *.suffix} wildcards, which match any host below the suffix but not the suffix itself.
 */
public final class DocumentHosts {

    // before AMAZON, which parse() builds with them
    private static final Pattern LABELS =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /**
     * Amazon Pay serves report documents from pre-signed S3 URLs ({@code https://tortuga-[...].amazonaws.com/...},
     * the Amazon Pay report download guide); {@code *.amazon.com} leaves room for Amazon's own hosts.
     */
    public static final DocumentHosts AMAZON = parse("*.amazonaws.com,*.amazon.com");

    private final List<String> entries;

    private DocumentHosts(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming the first entry that is neither a host name nor {@code *.suffix} */
    public static DocumentHosts parse(String commaSeparated) {
        List<String> entries = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String entry = part.trim().toLowerCase(Locale.ROOT);
            String host = entry.startsWith("*.") ? entry.substring(2) : entry;
            if (!LABELS.matcher(host).matches()
                    && !(host.equals(entry) && IPV6.matcher(host).matches())) {
                throw new IllegalArgumentException("not a host name or *.suffix wildcard: '" + part.trim() + "'");
            }
            entries.add(entry);
        }
        return new DocumentHosts(entries);
    }

    /** These hosts and some more, each allowed exactly. */
    public DocumentHosts plus(String... hosts) {
        List<String> more = new ArrayList<>(entries);
        Arrays.stream(hosts)
                .map(host -> host.toLowerCase(Locale.ROOT))
                .filter(host -> !more.contains(host))
                .forEach(more::add);
        return new DocumentHosts(more);
    }

    public boolean allows(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        // "s3.amazonaws.com." is the same host as "s3.amazonaws.com"
        String normalized = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return entries.stream()
                .anyMatch(entry ->
                        entry.startsWith("*.") ? normalized.endsWith(entry.substring(1)) : normalized.equals(entry));
    }

    /** By name only: resolving would let a DNS answer decide what counts as loopback. */
    public static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.equals("[::1]")
                || LOOPBACK_IPV4.matcher(name).matches();
    }

    /**
     * The document's URL once it is allowed: an https URL on an allowed host, or http on a loopback
     * one (the simulator). Called before any connection is made.
     *
     * @throws DocumentUrlRefusedException naming the host, never the URL's pre-signed query
     */
    URI check(ReportDocument document) {
        String id = document.reportDocumentId();
        URI url;
        try {
            url = new URI(document.url() == null ? "" : document.url());
        } catch (URISyntaxException e) {
            throw new DocumentUrlRefusedException(id, "its URL is not valid");
        }
        String host = url.getHost();
        if (host == null) {
            throw new DocumentUrlRefusedException(id, "its URL names no host");
        }
        if (!allows(host)) {
            throw new DocumentUrlRefusedException(
                    id, "host " + host + " is not in payreports.amazonpay.document-hosts (" + this + ")");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())
                && !("http".equalsIgnoreCase(url.getScheme()) && isLoopback(host))) {
            throw new DocumentUrlRefusedException(id, "host " + host + " is not served over https");
        }
        return url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentHosts hosts && hosts.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }
}
