package net.kbox.security;

/** What a user may do. Spring Security sees these as {@code ROLE_ADMIN} and {@code ROLE_USER}. */
public enum Role {
    ADMIN,
    USER;

    /** The name to use in {@code @RolesAllowed}. */
    public static final String ADMIN_NAME = "ADMIN";
}
