package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where Amazon's current models and the older reference pages differ, the client reads both shapes,
 * and an answer in neither fails instead of reading as nothing.
 */
class TolerantReadingTest {

    private static final String TRANSACTION = """
            {"transactionId":"T1","postedDate":"2026-11-01T10:00:00Z","totalAmount":{"currencyCode":"USD","currencyAmount":10.50}}""";

    @Test
    void aTransactionsPageIsReadInsidePayloadAsTheModelHasItAndAtTheTopLevelAsTheReferencePageHadIt() {
        TransactionsPage wrapped = TransactionsPage.of(
                SpApiJson.read("{\"payload\":{\"nextToken\":\"n2\",\"transactions\":[" + TRANSACTION + "]}}", "test"));
        TransactionsPage flat = TransactionsPage.of(
                SpApiJson.read("{\"nextToken\":\"n2\",\"transactions\":[" + TRANSACTION + "]}", "test"));

        assertThat(List.of(wrapped, flat)).allSatisfy(page -> {
            assertThat(page.nextToken()).isEqualTo("n2");
            assertThat(page.transactions())
                    .singleElement()
                    .satisfies(t -> assertThat(t.totalAmount()).hasToString("10.50"));
        });
        assertThat(TransactionsPage.of(SpApiJson.read("{\"payload\":{\"transactions\":[]}}", "test"))
                        .hasNext())
                .isFalse();
    }

    @Test
    void anAnswerWithoutATransactionsArrayIsAnErrorNamingTheOperationAndWhatWasMissingNeverAnEmptyPage() {
        assertThatThrownBy(() -> TransactionsPage.of(
                        SpApiJson.read("{\"payload\":{\"transactionList\":[" + TRANSACTION + "]}}", "test")))
                .isInstanceOf(UnrecognisedAnswerException.class)
                .hasMessage(
                        "listTransactions answered in a shape payreports does not recognise:"
                                + " no 'transactions' array, neither in 'payload' nor at the top level (top-level fields: [payload])");
    }

    @Test
    void aTransactionWithoutTransactionIdGetsTheSameSurrogateKeyWhateverTheFieldOrder() {
        Transaction one = Transaction.of(SpApiJson.read(
                "{\"transactionType\":\"Shipment\",\"postedDate\":\"2020-07-14T03:35:13.214Z\"}", "test"));
        Transaction same = Transaction.of(SpApiJson.read(
                "{\"postedDate\":\"2020-07-14T03:35:13.214Z\",\"transactionType\":\"Shipment\"}", "test"));
        Transaction other = Transaction.of(SpApiJson.read(
                "{\"postedDate\":\"2020-07-14T03:35:13.215Z\",\"transactionType\":\"Shipment\"}", "test"));

        assertThat(one.transactionId())
                .startsWith(Transaction.SURROGATE_PREFIX)
                .hasSize(Transaction.SURROGATE_PREFIX.length() + 64)
                .isEqualTo(same.transactionId())
                .isNotEqualTo(other.transactionId());
        assertThat(one.postedDate()).isEqualTo(Instant.parse("2020-07-14T03:35:13.214Z"));
    }

    @Test
    void breakdownsWrappedInAnObjectAsTheModelsExampleHasThemGiveTheSameLinesAsAList() {
        String tree =
                "[{\"breakdownType\":\"Sales\",\"breakdownAmount\":{\"currencyCode\":\"USD\",\"currencyAmount\":10},"
                        + "\"breakdowns\":[{\"breakdownType\":\"Product Charges\",\"breakdownAmount\":{\"currencyCode\":\"USD\",\"currencyAmount\":10},\"breakdowns\":[]}]}]";
        List<BreakdownLine> fromObject = BreakdownLine.of(Transaction.of(
                SpApiJson.read("{\"transactionId\":\"T\",\"breakdowns\":{\"breakdowns\":" + tree + "}}", "t")));
        List<BreakdownLine> fromList = BreakdownLine.of(
                Transaction.of(SpApiJson.read("{\"transactionId\":\"T\",\"breakdowns\":" + tree + "}", "t")));

        assertThat(fromObject)
                .isEqualTo(fromList)
                .extracting(line -> line.path() + " leaf=" + line.leaf())
                .containsExactly("Sales leaf=false", "Sales/Product Charges leaf=true");
    }

    @Test
    void paymentMethodsOfTheOlderShapeAreReadIntoTheSameColumns() {
        PaymentMethod older = PaymentMethod.of(SpApiJson.read("""
                {"paymentInstrumentId":"PI-1","paymentInstrumentType":"CARD","tail":"677","expiryDate":{"month":"3","year":"2029"},
                 "defaultMarketplaces":["ATVPDKIKX0DER"],"encryptedAccountHolderName":"?SIEGE|x!EGEIS?"}""", "t"), "ATVPDKIKX0DER");
        PaymentMethod current = PaymentMethod.of(SpApiJson.read("""
                {"paymentMethodId":"PI-1","paymentMethodType":"CARD","tail":"677","expiryDate":{"month":"3","year":"2029"},
                 "accountHolderName":"John Doe","assignmentType":"DEFAULT_DEPOSIT_METHOD"}""", "t"), "ATVPDKIKX0DER");

        assertThat(older)
                .isEqualTo(new PaymentMethod(
                        "PI-1", "CARD", "677", "3", "2029", null, "ATVPDKIKX0DER", "?SIEGE|x!EGEIS?", null, null));
        assertThat(current)
                .isEqualTo(new PaymentMethod(
                        "PI-1",
                        "CARD",
                        "677",
                        "3",
                        "2029",
                        null,
                        "ATVPDKIKX0DER",
                        null,
                        "John Doe",
                        "DEFAULT_DEPOSIT_METHOD"));
    }

    @Test
    void errorCodesAreExplainedInTheModelsCamelCaseAndTheReferencePagesScreamingCase() {
        assertThat(SpApiPayouts.explain(new SpApiException.Error("NO_DEPOSIT_METHOD", "")))
                .isEqualTo(SpApiPayouts.explain(new SpApiException.Error("NoDepositMethod", "")))
                .startsWith("no deposit method found");
        assertThat(new SpApiException(
                                "initiatePayout",
                                400,
                                List.of(
                                        new SpApiException.Error("NoDepositMethod", "a"),
                                        new SpApiException.Error("INSUFFICIENT_PAYOUT_AMOUNT", "b")),
                                null)
                        .has("InsufficientPayoutAmount"))
                .isTrue();
    }

    @Test
    void datesGoOutInWholeSeconds() {
        TransactionsQuery query = new TransactionsQuery(
                Instant.parse("2026-10-30T23:19:16.843885452Z"), Instant.parse("2026-10-31T00:00:00Z"), null);
        assertThat(query.parameters("n2"))
                .containsEntry("postedAfter", "2026-10-30T23:19:16Z")
                .containsEntry("postedBefore", "2026-10-31T00:00:00Z")
                .containsEntry("nextToken", "n2");
    }
}
