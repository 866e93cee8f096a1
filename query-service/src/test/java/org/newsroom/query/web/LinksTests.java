package org.newsroom.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://news.example/2019/05/03/venezuela", "http://news.example",
            "HTTPS://News.Example/a?b=c#d", "https://news.example:8443/path", "https://user@news.example/"})
    void acceptsAbsoluteHttpAndHttpsUrls(String url) {
        assertThat(Links.isHttp(url)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", " https://news.example/",
            "java\tscript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://news.example/", "//news.example/path",
            "/relative/path", "news.example/path", "https:news.example", "https:/news.example", "https://",
            "https:///path", "https://\\\\evil.example", "https://news.example/a b", "https://news.example/\n"})
    void refusesEverythingElse(String url) {
        assertThat(Links.isHttp(url)).isFalse();
    }
}
