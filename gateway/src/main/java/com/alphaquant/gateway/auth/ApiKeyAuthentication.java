package com.alphaquant.gateway.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request's credentials: first as presented (a key or a session cookie), then resolved to its {@link ApiKey}. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    enum Kind { HEADER, COOKIE }

    private final Kind kind;
    private final String presented;
    private final ApiKey key;

    private ApiKeyAuthentication(Kind kind, String presented, ApiKey key) {
        super(key == null ? List.of() : authorities(key.role()));
        this.kind = kind;
        this.presented = presented;
        this.key = key;
        setAuthenticated(key != null);
    }

    static ApiKeyAuthentication presented(Kind kind, String value) {
        return new ApiKeyAuthentication(kind, value, null);
    }

    ApiKeyAuthentication resolvedTo(ApiKey resolved) {
        return new ApiKeyAuthentication(kind, null, resolved);
    }

    Kind kind() {
        return kind;
    }

    ApiKey key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key == null ? "" : key.name();
    }

    /** A write key may also read. */
    private static List<SimpleGrantedAuthority> authorities(ApiKey.Role role) {
        return role == ApiKey.Role.WRITE
                ? List.of(new SimpleGrantedAuthority("ROLE_READ"), new SimpleGrantedAuthority("ROLE_WRITE"))
                : List.of(new SimpleGrantedAuthority("ROLE_READ"));
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
