package dev.chainloop.ee.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An IT whose subject touches no database-specific path: what it checks (a signature, a timestamp,
 * a start-up self-check) runs the same code on Derby and PostgreSQL, and the rows it writes are
 * written by many other ITs too. The PostgreSQL pass (the two-nodes profile) leaves these out, as
 * they already ran on Derby; {@code -Dit.excludedGroups=} runs them there too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database-independent")
public @interface DatabaseIndependent {}
