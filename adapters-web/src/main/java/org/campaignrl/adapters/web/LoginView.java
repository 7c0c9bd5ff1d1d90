package org.campaignrl.adapters.web;

/** The sign-in form: where to go afterwards, and why the last attempt failed. */
public record LoginView(String next, String problem) {}
