package org.newsroom.ingest.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description covers {@code POST /api/articles}, and anyone may read it. */
@WebMvcTest(controllers = ArticleSubmissionController.class, properties = "springdoc.paths-to-match=/api/**")
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
@Import({ArticleSubmissionControllerTests.RecordingKafka.class, SubmissionAccess.class})
class ArticleSubmissionOpenApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void describesPushingArticlesWithItsBodyAndAnswers() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        JsonNode post = JsonMapper.shared().readTree(body).at("/paths/~1api~1articles/post");
        assertThat(post.path("summary").asString()).contains("202");
        assertThat(post.at("/requestBody/content/application~1json/schema/description").asString()).contains("headline");
        assertThat(post.path("responses").propertyNames()).contains("202", "400", "403", "413", "503");
    }
}
