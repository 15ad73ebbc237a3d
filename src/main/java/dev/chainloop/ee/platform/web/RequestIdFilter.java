package dev.chainloop.ee.platform.web;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its {@link RequestId} before anything else runs (declared first in web.xml):
 * answered in {@code X-Request-Id} (which the access log line records), held for the request's
 * thread, and put on every log record written on it (Liberty's {@link LogRecordContext}: the {@code
 * ext_requestId} field of JSON logs). An error page dispatched for the request keeps the same id.
 */
public class RequestIdFilter extends HttpFilter {
  private static final String ATTRIBUTE = RequestId.class.getName();
  private static final String LOG_FIELD = "requestId";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id =
        request.getDispatcherType() != DispatcherType.REQUEST
                && request.getAttribute(ATTRIBUTE) instanceof String earlier
            ? earlier
            : RequestId.choose(
                request.getHeader(RequestId.HEADER), request.getHeader("traceparent"));
    request.setAttribute(ATTRIBUTE, id);
    if (!response.isCommitted()) {
      response.setHeader(RequestId.HEADER, id);
    }
    RequestId.set(id);
    LogRecordContext.addExtension(LOG_FIELD, id);
    try {
      chain.doFilter(request, response);
    } finally {
      LogRecordContext.removeExtension(LOG_FIELD);
      RequestId.clear();
    }
  }
}
