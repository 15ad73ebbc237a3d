package dev.chainloop.ee.platform.error;

import dev.chainloop.ee.platform.config.ChainloopConfig;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Caps API request bodies at {@code chainloop.limits.body-bytes} (413), whatever the framing: a
 * declared Content-Length is refused before reading, and a chunked body is counted while it is
 * read. Artifact uploads stream to storage and enforce their own, larger limit.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject ChainloopConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/artifacts")) {
      chain.doFilter(request, response);
      return;
    }
    long limit = config.bodyLimitBytes();
    if (request.getContentLengthLong() > limit) {
      Problem problem = Problem.of(413, "payload-too-large", tooLarge(limit), null);
      response.setStatus(413);
      response.setContentType(Problem.MEDIA_TYPE);
      response.setHeader("Connection", "close");
      response.getWriter().write(JSONB.toJson(problem));
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  static String tooLarge(long limit) {
    return "the request body is larger than the limit of " + limit + " bytes";
  }

  /** Thrown while reading once the body passes the limit; mapped to 413. */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super(tooLarge(limit));
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    private void add(long n) throws BodyTooLargeException {
      if (n > 0 && (count += n) > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      add(n);
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
