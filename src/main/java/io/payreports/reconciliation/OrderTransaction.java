package io.payreports.reconciliation;

import java.time.Instant;

/**
 * A capture or refund of the transaction reports ({@code amazonpay_capture}, {@code amazonpay_refund}). Its id
 * (AmazonCaptureId, AmazonRefundId) is the AmazonTransactionId of its settlement row.
 */
public record OrderTransaction(
        Kind kind, String id, String orderReferenceId, Amount amount, Instant created, String createdRaw) {

    public enum Kind {
        CAPTURE,
        REFUND
    }
}
