package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ApiProblemsTests {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void aSearchTheIndexRefusesAsMalformedIsTheClientsError() {
        ProblemDetail problem = problems.indexRefused(failure(400, "too_many_nested_clauses",
                "Query contains too many nested clauses; maxClauseCount is set to 4096 [articles-v1]"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("too_many_nested_clauses").doesNotContain("articles-v1");
    }

    @Test
    void anyOther400FromTheIndexIsThisServicesFaultNotTheClients() {
        ProblemDetail problem = problems.indexRefused(failure(400, "resource_already_exists_exception",
                "index [articles-v2/abc] already exists"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("articles-v2");
    }

    @Test
    void anIndexThatFailsOrIsOverloadedIsUnavailableNotTheClientsError() {
        assertThat(problems.indexRefused(failure(503, "no_shard_available_action_exception", "no shard"))
                .getStatus()).isEqualTo(503);
        assertThat(problems.indexRefused(failure(429, "circuit_breaking_exception", "data too large"))
                .getStatus()).isEqualTo(503);
        assertThat(problems.indexUnavailable(new ConnectException("refused")).getStatus()).isEqualTo(503);
    }

    private static ElasticsearchException failure(int status, String type, String reason) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason(reason))));
    }
}
