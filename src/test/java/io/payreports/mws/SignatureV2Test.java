package io.payreports.mws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureV2Test {

    /** AWS's published Signature Version 2 example (AWS General Reference, "Signature Version 2 signing process"). */
    @Test
    void matchesAwsPublishedKnownAnswer() {
        Map<String, String> parameters = Map.of(
                "AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE",
                "Action", "DescribeJobFlows",
                "SignatureMethod", "HmacSHA256",
                "SignatureVersion", "2",
                "Timestamp", "2011-10-03T15:19:30",
                "Version", "2009-03-31");

        String stringToSign =
                SignatureV2.stringToSign("GET", URI.create("https://elasticmapreduce.amazonaws.com"), parameters);

        assertThat(stringToSign)
                .isEqualTo("GET\nelasticmapreduce.amazonaws.com\n/\n"
                        + "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&SignatureMethod=HmacSHA256"
                        + "&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31");
        assertThat(SignatureV2.sign(stringToSign, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=");
    }

    @Test
    void encodesAsRfc3986AndSortsByName() {
        assertThat(SignatureV2.canonicalQuery(
                        Map.of("b", "a b*~", "ReportTypeList.Type.1", "_X_", "Signature", "ignored", "A", "ü/=")))
                .isEqualTo("A=%C3%BC%2F%3D&ReportTypeList.Type.1=_X_&b=a%20b%2A~");
    }
}
