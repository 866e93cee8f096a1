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

@WebMvcTest(controllers = ArticleSubmissionController.class, properties = "newsroom.security.api-key=")
@Import({ArticleSubmissionControllerTests.RecordingKafka.class, SubmissionAccess.class})
class ClosedArticleSubmissionTests {

    @Autowired
    MockMvc mvc;

    @Test
    void refusesEveryPushWhenNoKeyIsConfigured() throws Exception {
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON).header("X-Api-Key", "")
                        .content("{\"headline\": \"h\", \"body\": \"b\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("needs a principal")));
    }
}
