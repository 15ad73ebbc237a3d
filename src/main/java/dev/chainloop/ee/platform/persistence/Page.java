package dev.chainloop.ee.platform.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of an offset-paginated list, with the totals the CLI prints in its footer. */
public record Page<T>(List<T> items, int page, int pageSize, long totalCount, int totalPages) {
  public static final int MAX_PAGE_SIZE = 100;

  public static <T> Page<T> of(List<T> items, PageRequest request, long totalCount) {
    int totalPages = (int) ((totalCount + request.size() - 1) / request.size());
    return new Page<>(items, request.page(), request.size(), totalCount, totalPages);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, pageSize, totalCount, totalPages);
  }
}
