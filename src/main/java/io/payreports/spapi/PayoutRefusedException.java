package io.payreports.spapi;

/** An on-demand payout that payreports refused itself, before calling Amazon: not allowed, or too soon after the last one. */
public class PayoutRefusedException extends RuntimeException {

    public PayoutRefusedException(String message) {
        super(message);
    }
}
