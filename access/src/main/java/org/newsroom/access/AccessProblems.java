package org.newsroom.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

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

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
    }
}
