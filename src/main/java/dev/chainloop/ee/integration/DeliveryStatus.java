package dev.chainloop.ee.integration;

/** Where a delivery is: waiting (maybe after failed attempts), sent, or given up. */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  FAILED
}
