package org.reception.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception REST API", description = "Limits of the REST and Open311 faces.")
@interface RestConfig {

    String PID = "org.reception.rest";

    @AttributeDefinition(description = "Receipt lookups (the only read without an account) one client address"
            + " may make per minute")
    int receiptLookupsPerMinute() default 10;

    @AttributeDefinition(description = "Addresses of the reverse proxies in front of the platform: from them"
            + " alone Forwarded and X-Forwarded-For, -Proto and -Host are believed (the client's address for the"
            + " throttles, the scheme and host for Location and Link). None by default: the headers are ignored.")
    String[] trustedProxies() default {};

    @AttributeDefinition(description = "Origins (scheme://host[:port]) whose browser pages may call the API"
            + " across origins (CORS). None by default: CORS is off.")
    String[] corsAllowedOrigins() default {};

    @AttributeDefinition(description = "Minutes a web desk session may stay unused before it ends and its"
            + " browser must sign in again", min = "1", max = "1440")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Hours after which a web desk session ends however much it is used,"
            + " so that a role revoked in the realm is dropped by then", min = "1", max = "24")
    int sessionMaxHours() default 12;
}
