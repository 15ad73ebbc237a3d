/**
 * Code the server and the CLI must agree on to the byte, compiled into both builds from this one
 * source set ({@code src/shared/java}, added by build-helper in {@code pom.xml} and {@code
 * cli/pom.xml}): the material kinds a contract may name and the CLI may attest, and DSSE's
 * pre-authentication encoding that both sign and verify.
 *
 * <p>JDK only: no dependency of either build reaches here, and nothing here calls a feature,
 * platform or the CLI. Any package of either side may call it.
 */
package dev.chainloop.ee.shared;
