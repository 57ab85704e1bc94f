package com.contentsuite.common.deadline;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request deadlines of a service.
 *
 * @param defaultBudget the budget of a request that brings none (a probe, a call from a
 * scheduled job); below the gateway's response timeout
 * @param maxBudget the largest budget a caller may ask for
 * @param statementTimeout the longest a database round trip may wait for an answer inside
 * a request, whatever the budget says: a stalled database fails the request early and
 * leaves the rest of the budget for the answer
 */
@Validated
@ConfigurationProperties("suite.deadline")
public record DeadlineProperties(@NotNull @DefaultValue("9s") Duration defaultBudget,
		@NotNull @DefaultValue("30s") Duration maxBudget, @NotNull @DefaultValue("3s") Duration statementTimeout) {

}
