package org.reception.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.reception.cases.access.Role;

/**
 * The roles that may call a resource method (or every method of a class) at all; without it any
 * signed-in account may. Which cases a caller reaches is decided by the desk, not here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface Permits {
    Role[] value();
}
