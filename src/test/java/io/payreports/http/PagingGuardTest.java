package io.payreports.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.config.RuntimeClock;
import io.payreports.hostile.FakeAmazonPayReports;
import io.payreports.hostile.FakeAmazonPayReports.FakeReport;
import io.payreports.hostile.HostileServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listing ends: on a page token seen before, past the page limit, past the item limit, each named with its key. */
class PagingGuardTest {

    @AfterEach
    void defaultLimits() {
        PagingGuard.use(PagingGuard.Limits.DEFAULTS);
    }

    @Test
    void getReportsAnsweringTheSameNextTokenWithAGrowingListIsEndedOnTheSecondPage() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            AtomicInteger calls = new AtomicInteger();
            amazon.on(
                    FakeAmazonPayReports.API + "/reports",
                    exchange -> HostileServer.send(
                            exchange,
                            200,
                            "application/json",
                            FakeAmazonPayReports.reportsPage(
                                    List.of(new FakeReport("AGROWING" + calls.incrementAndGet(), 0)), "SAME")));
            AmazonPayClient client = new AmazonPayClient(
                    new AmazonPayConfig(
                            URI.create(amazon.baseUrl()),
                            "na",
                            "live",
                            "HOSTILE",
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5),
                            null),
                    new AmazonPaySigner(
                            "HOSTILE", PemKeys.generateRsaKeyPair().getPrivate(), "na", RuntimeClock.get()));

            assertThatThrownBy(() -> client.listReports(
                            new ReportQuery(List.of(), List.of(), Instant.parse("2026-11-01T00:00:00Z"), null, 100)))
                    .isInstanceOf(PagingLimitException.class)
                    .hasMessage(
                            "getReports answered page 2 with a nextToken it had given before; the listing would never end, ended without a result");
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void thePageAndItemLimitsEndAListingNamingTheirKeys() {
        PagingGuard.use(new PagingGuard.Limits(3, 10));
        PagingGuard pages = PagingGuard.of("listTransactions");
        pages.page(1, "a");
        pages.page(1, "b");
        assertThatThrownBy(() -> pages.page(1, "c"))
                .isInstanceOf(PagingLimitException.class)
                .hasMessage(
                        "listTransactions has more than payreports.paging.max-pages (3) pages; ended without a result");

        PagingGuard items = PagingGuard.of("getReports");
        items.page(6, "a");
        assertThatThrownBy(() -> items.page(5, null))
                .isInstanceOf(PagingLimitException.class)
                .hasMessage(
                        "getReports listed more than payreports.paging.max-items (10) items in 2 pages; ended without a result");
        PagingGuard.of("getReports").page(10, null); // exactly the limit is fine
    }
}
