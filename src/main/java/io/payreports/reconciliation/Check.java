package io.payreports.reconciliation;

/** The three questions a reconciliation answers. */
public enum Check {
    /** Per settlement and currency: opening balance plus every row's net equals the amount transferred. */
    SETTLEMENT_CLOSES,
    /** Each settlement's transfer arrived as a disbursement (Amazon Pay) or a Transfer transaction (SP-API). */
    PAYOUT_ARRIVES,
    /** Each capture and refund of the transaction reports is in a settlement, with its fee. */
    ORDERS_COMPLETE
}
