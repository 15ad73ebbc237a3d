package dev.chainloop.ee.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/** The one error model: what each kind of failure becomes on the wire. */
class ProblemMapperTest {
  @Test
  void unexpectedFailuresAreAGeneric500WithoutInternals() {
    Problem problem =
        ProblemMapper.toProblem(
            new IllegalStateException("SELECT secret FROM api_tokens WHERE jwt='eyJ...'"));
    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.title()).isEqualTo("Internal Server Error");
    assertThat(problem.detail())
        .doesNotContain("SELECT")
        .doesNotContain("eyJ")
        .contains("instance id");
    assertThat(problem.instance()).startsWith("urn:uuid:");
  }

  @Test
  void applicationExceptionsKeepTheirStatusEvenWhenWrappedByTheContainer() {
    Problem notFound =
        ProblemMapper.toProblem(
            new EJBException(new UnknownResourceException("workflow not found")));
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.detail()).isEqualTo("workflow not found");
    Problem invalid = ProblemMapper.toProblem(new InvalidInputException("name", "is required"));
    assertThat(invalid.violations()).containsExactly(new Violation("name", "is required"));
  }

  @Test
  void uniqueKeyRacesAreConflicts() {
    Problem conflict =
        ProblemMapper.toProblem(
            new EJBException(
                new RuntimeException(
                    new SQLIntegrityConstraintViolationException("dup", "23505"))));
    assertThat(conflict.status()).isEqualTo(409);
  }
}
