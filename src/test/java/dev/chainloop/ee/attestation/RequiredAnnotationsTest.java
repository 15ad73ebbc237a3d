package dev.chainloop.ee.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chainloop.ee.contract.ContractRevisionView.AnnotationSpec;
import dev.chainloop.ee.platform.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RequiredAnnotationsTest {
  private static final List<AnnotationSpec> OWNER_AND_GOLD_TIER =
      List.of(new AnnotationSpec("owner", ""), new AnnotationSpec("tier", "gold"));

  private static JsonObject statement(String annotationsJson) {
    return Json.createReader(
            new StringReader("{\"predicate\":{\"annotations\":" + annotationsJson + "}}"))
        .readObject();
  }

  @Test
  void aStatementCarryingEveryRequiredAnnotationPasses() {
    assertThatCode(
            () ->
                RequiredAnnotations.check(
                    OWNER_AND_GOLD_TIER,
                    () -> statement("{\"owner\":\"alice\",\"tier\":\"gold\",\"extra\":\"x\"}")))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingOrBlankAnnotationIsNamedOnTheAnnotationsField() {
    assertThatThrownBy(
            () ->
                RequiredAnnotations.check(
                    OWNER_AND_GOLD_TIER, () -> statement("{\"owner\":\" \",\"tier\":\"gold\"}")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("annotations: the contract requires the annotation(s) \"owner\"")
        .hasMessageContaining("--annotation owner=VALUE");
  }

  @Test
  void aValueOtherThanTheContractFixesIsRefused() {
    assertThatThrownBy(
            () ->
                RequiredAnnotations.check(
                    OWNER_AND_GOLD_TIER,
                    () -> statement("{\"owner\":\"alice\",\"tier\":\"bronze\"}")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fixes annotation \"tier\" to \"gold\"");
  }

  @Test
  void withoutRequiredAnnotationsTheStatementIsNotEvenRead() {
    AtomicBoolean read = new AtomicBoolean();
    RequiredAnnotations.check(
        List.of(),
        () -> {
          read.set(true);
          return statement("{}");
        });
    assertThat(read).isFalse();
  }
}
