package dev.chainloop.ee.integration;

/** A delivery attempt that did not reach its receiver or was refused by it; retried later. */
class DeliveryFailure extends Exception {
  DeliveryFailure(String message) {
    super(message);
  }
}
