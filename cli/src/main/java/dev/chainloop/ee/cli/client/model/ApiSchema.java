package dev.chainloop.ee.cli.client.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema of docs/openapi.yaml ({@code components.schemas}) a request record or response view
 * stands for. Read only by the drift test, which checks the type's fields against that schema.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSchema {
  String value();
}
