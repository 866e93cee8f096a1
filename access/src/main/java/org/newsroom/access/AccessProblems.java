package org.newsroom.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problems, like every other refusal of the API. */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyFilter.HEADER + "\", Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().startsWith("Full authentication")
                        ? "this request needs a principal: send an API key in " + ApiKeyFilter.HEADER + " or a bearer token"
                        : e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "the principal may not do this");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":%s,"status":%d,"detail":%s,"instance":%s}"""
                .formatted(quoted(title), status.value(), quoted(detail), quoted(request.getRequestURI())));
    }

    /** A JSON string: the messages are ours, but the request URI is the caller's. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
