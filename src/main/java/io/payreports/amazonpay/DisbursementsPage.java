package io.payreports.amazonpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of getDisbursements; {@code nextToken} is present while more pages follow. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisbursementsPage(List<Disbursement> disbursements, String nextToken) {}
