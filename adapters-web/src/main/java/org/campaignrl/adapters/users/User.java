package org.campaignrl.adapters.users;

/** A person the server knows, by the name in the users file. */
public record User(String name, Role role) {}
