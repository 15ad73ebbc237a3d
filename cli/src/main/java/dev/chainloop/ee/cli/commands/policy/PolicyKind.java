package dev.chainloop.ee.cli.commands.policy;

import dev.chainloop.ee.cli.client.ControlPlane;
import dev.chainloop.ee.cli.client.model.Policy;
import java.util.List;

/**
 * Policies and policy groups share their commands and wire shape; this says which one a command
 * manages and how to reach it.
 */
public enum PolicyKind {
  POLICY("policy") {
    @Override
    List<Policy> list(ControlPlane api) {
      return api.policies();
    }

    @Override
    Policy describe(ControlPlane api, String name, int revision) {
      return api.policy(name, revision);
    }

    @Override
    void delete(ControlPlane api, String name) {
      api.deletePolicy(name);
    }
  },
  GROUP("policy group") {
    @Override
    List<Policy> list(ControlPlane api) {
      return api.policyGroups();
    }

    @Override
    Policy describe(ControlPlane api, String name, int revision) {
      return api.policyGroup(name, revision);
    }

    @Override
    void delete(ControlPlane api, String name) {
      api.deletePolicyGroup(name);
    }
  };

  final String noun;

  PolicyKind(String noun) {
    this.noun = noun;
  }

  abstract List<Policy> list(ControlPlane api);

  abstract Policy describe(ControlPlane api, String name, int revision);

  abstract void delete(ControlPlane api, String name);
}
