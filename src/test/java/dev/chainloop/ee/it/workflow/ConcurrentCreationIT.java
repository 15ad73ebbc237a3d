package dev.chainloop.ee.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chainloop.ee.it.support.Api;
import dev.chainloop.ee.it.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many CI jobs starting at once: races on new names end in success or 409, never in a 500. */
class ConcurrentCreationIT {
  private static List<Api.Reply> concurrently(int n, Callable<Api.Reply> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(call));
      }
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentFirstInitsOfANewWorkflowAllSucceedOnOneWorkflow() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tokens.add(Fixtures.apiToken(owner));
    }
    // Several rounds: a loser can fail at either of two points, depending on when the winner
    // commits, and one round rarely hits both.
    for (int round = 0; round < 4; round++) {
      String workflow = "racy-wf-" + round;
      var next = new AtomicInteger();
      List<Api.Reply> replies =
          concurrently(
              12,
              () ->
                  Api.withToken(tokens.get(next.getAndIncrement()))
                      .post(
                          "/api/v1/attestations/init",
                          "{\"workflow\":\"" + workflow + "\",\"project\":\"racy\"}"));
      assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
      assertThat(
              replies.stream()
                  .map(r -> r.json().getJsonObject("workflow").getString("id"))
                  .distinct())
          .hasSize(1);
    }
    Api.Reply list = owner.api().get("/api/v1/workflows?project=racy");
    assertThat(list.json().getJsonArray("items")).hasSize(4);
  }

  @Test
  void concurrentCreatesOfOneNameGiveOneWorkflowAndConflicts() throws Exception {
    Fixtures.Account owner = Fixtures.ownerWithOrg();
    List<Api.Reply> replies =
        concurrently(
            10,
            () ->
                owner
                    .api()
                    .post(
                        "/api/v1/workflows",
                        "{\"name\":\"same\",\"project\":\"dup\",\"createRobotAccount\":false}"));
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
    assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
  }
}
