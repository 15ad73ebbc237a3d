package dev.chainloop.ee.platform.persistence;

import dev.chainloop.ee.platform.error.InvalidInputException;

/** Validated offset pagination parameters: page from 1, size 1..{@link Page#MAX_PAGE_SIZE}. */
public record PageRequest(int page, int size) {
  public static PageRequest of(Integer page, Integer limit, int defaultSize) {
    int p = page == null ? 1 : page;
    int s = limit == null ? defaultSize : limit;
    if (p < 1) {
      throw new InvalidInputException("page", "must be 1 or more");
    }
    if (s < 1 || s > Page.MAX_PAGE_SIZE) {
      throw new InvalidInputException("limit", "must be between 1 and " + Page.MAX_PAGE_SIZE);
    }
    return new PageRequest(p, s);
  }

  /**
   * The length of an unpaged list's answer: {@code limit} (1..{@link Page#MAX_PAGE_SIZE}), or the
   * maximum when absent; the list is cut after that many items.
   */
  public static int limitOf(Integer limit) {
    int s = limit == null ? Page.MAX_PAGE_SIZE : limit;
    if (s < 1 || s > Page.MAX_PAGE_SIZE) {
      throw new InvalidInputException("limit", "must be between 1 and " + Page.MAX_PAGE_SIZE);
    }
    return s;
  }

  public int offset() {
    return (page - 1) * size;
  }
}
