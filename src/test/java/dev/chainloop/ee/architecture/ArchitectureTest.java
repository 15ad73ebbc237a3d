package dev.chainloop.ee.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;

/**
 * The server's package rules, checked on its compiled classes: features (one package each, flat
 * inside) build on {@code platform}, which knows none of them; both may use {@code shared} (the
 * source set the CLI compiles too), which uses nothing of theirs; no two features depend on each
 * other both ways; only repositories touch the EntityManager, and only their own feature uses them.
 */
@AnalyzeClasses(packages = "dev.chainloop.ee", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BASE = "dev.chainloop.ee";
  private static final String PLATFORM = BASE + ".platform..";
  private static final String SHARED = BASE + ".shared..";

  private static final DescribedPredicate<JavaClass> FEATURES =
      resideInAPackage(BASE + "..")
          .and(not(resideInAPackage(PLATFORM)))
          .and(not(resideInAPackage(SHARED)))
          .as("features");

  @ArchTest
  static final ArchRule featuresDependOnPlatformAndPlatformOnNoFeature =
      layeredArchitecture()
          .consideringOnlyDependenciesInAnyPackage(BASE + "..")
          .layer("Features")
          .definedBy(FEATURES)
          .layer("Platform")
          .definedBy(PLATFORM)
          .layer("Shared")
          .definedBy(SHARED)
          .whereLayer("Features")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Shared")
          .mayNotAccessAnyLayer();

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching(BASE + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule resourcesNeverTouchPersistence =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Resource")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .orShould()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Repository");

  /**
   * A resource is created once, not per request: a request-scoped resource costs its CDI creation
   * and injection on every call (12 % of the server's CPU on {@code GET /status}, bench/README.md).
   * Resources hold no request state; what they need per request is injected as proxies.
   */
  @ArchTest
  static final ArchRule resourcesAreApplicationScoped =
      classes()
          .that()
          .areAnnotatedWith(jakarta.ws.rs.Path.class)
          .should()
          .beAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class);

  @ArchTest
  static final ArchRule onlyRepositoriesUseTheEntityManager =
      noClasses()
          .that()
          .haveSimpleNameNotEndingWith("Repository")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class);

  @ArchTest
  static final ArchRule repositoriesAreUsedOnlyByTheirOwnFeature =
      classes().that().haveSimpleNameEndingWith("Repository").should(beUsedOnlyInTheirPackage());

  private static ArchCondition<JavaClass> beUsedOnlyInTheirPackage() {
    return new ArchCondition<>("be used only inside their own package") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency use : repository.getDirectDependenciesToSelf()) {
          if (!use.getOriginClass().getPackageName().equals(repository.getPackageName())) {
            events.add(SimpleConditionEvent.violated(use, use.getDescription()));
          }
        }
      }
    };
  }
}
