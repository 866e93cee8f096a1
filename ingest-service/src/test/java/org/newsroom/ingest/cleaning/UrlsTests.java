package org.newsroom.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://WWW.Example.COM/News/Story?utm_source=tw&utm_medium=social#comments | https://www.example.com/News/Story
            http://example.com:80/a?id=7&fbclid=XYZ&gclid=1&page=2                   | http://example.com/a?id=7&page=2
            HTTPS://example.com:443                                                    | https://example.com/
            https://example.com:8443/a?mc_cid=1&mc_eid=2&igshid=3                      | https://example.com:8443/a
            https://example.com/a?q=Venezuela                                           | https://example.com/a?q=Venezuela
            """)
    void stripsTrackingAndNormalisesTheRest(String url, String canonical) {
        assertThat(Urls.canonical(url)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a url ^
            /relative/path
            javascript:alert(document.cookie)
            JavaScript://example.com/%0Aalert(1)
            data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==
            vbscript:msgbox(1)
            ftp://example.com/story.txt
            file:///etc/passwd
            https:///no-host
            """)
    void dropsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(Urls.canonical(" " + url + " ")).isNull();
    }
}
