package org.campaignrl.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one JSON shape of every error answer. {@code field} names the request field at fault, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(int status, String error, String field, String message) {}
