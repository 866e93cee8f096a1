package org.newsroom.ingest.intake.http;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ArticleSubmissionController.class, properties = "ingest.api-key=")
@Import(ArticleSubmissionControllerTests.RecordingKafka.class)
class ClosedArticleSubmissionTests {

    @Autowired
    MockMvc mvc;

    @Test
    void refusesEveryRequestWhenNoKeyIsConfigured() throws Exception {
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON).header("X-Api-Key", "")
                        .content("{\"headline\": \"h\", \"body\": \"b\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("HTTP intake disabled"))
                .andExpect(jsonPath("$.detail").value("POST /api/articles is disabled: no API key is configured (set INGEST_API_KEY)"));
    }
}
