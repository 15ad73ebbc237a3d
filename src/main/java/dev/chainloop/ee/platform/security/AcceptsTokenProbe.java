package dev.chainloop.ee.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one operation that answers the server's own token probe ({@link TokenSelfCheck}). The
 * probe token is accepted nowhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsTokenProbe {}
