package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void cutsTheQueryOfPresignedUrlsOnly() {
        assertThat(Redaction.presignedUrls(
                        "fetch \"https://b.s3.amazonaws.com/r?x-amz-signature=abc&X-Amz-Credential=AKIA/x\" failed;"
                                + " see https://pay-api.amazon.com/live/v2/reports?reportTypes=A,B"))
                .isEqualTo("fetch \"https://b.s3.amazonaws.com/r?<redacted>\" failed;"
                        + " see https://pay-api.amazon.com/live/v2/reports?reportTypes=A,B");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Redaction.presignedUrls("line 3: amount 'abc' is not a number"))
                .isEqualTo("line 3: amount 'abc' is not a number");
        assertThat(Redaction.presignedUrls(null)).isNull();
    }
}
