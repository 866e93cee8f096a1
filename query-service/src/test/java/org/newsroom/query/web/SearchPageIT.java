package org.newsroom.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.query.indexing.ArticleIndex;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search page in headless Chromium against the running service: search, expand a duplicate group, click
 * a facet, and see a newly indexed article arrive live. Skipped where Debian's chromium is not installed.
 */
@RunningQueryService
class SearchPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Tests run in the module folder; the screenshot goes to the checkout's docs, for the README. */
    /**
     * Each run leaves its screenshot in target/; the README's picture is refreshed only when asked
     * ({@code -Dnewsroom.screenshot.update=true}), so running the tests leaves the checkout clean.
     */
    private static final Path SCREENSHOT = Boolean.getBoolean("newsroom.screenshot.update")
            ? Path.of("../docs/images/search-page.png") : Path.of("target/search-page.png");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final ArticlesTopic topic;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @Autowired
    SearchPageIT(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {
        this.topic = new ArticlesTopic(kafka, elasticsearch, index);
    }

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1360,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchesExpandsADuplicateGroupFiltersByAFacetAndShowsNewArticlesLive() throws Exception {
        List<ArticleEnriched> kiribati = KiribatiCoverage.articles();
        topic.publishAndAwaitIndexed(kiribati.toArray(ArticleEnriched[]::new));

        // search sees writes after the index's 1 s refresh
        await().atMost(Duration.ofSeconds(30)).until(() -> apiTotal("Kiribati") == kiribati.size());

        browser.get("http://127.0.0.1:" + port + "/");
        // the page opens with a search of everything: let it render so its hits are not mistaken for ours
        wait.until(d -> !summary().isEmpty());
        browser.findElement(By.id("q")).sendKeys("Kiribati");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        // when the index holds only these five, the opening search already reads "5 articles": wait for ours
        wait.until(d -> "q=Kiribati".equals(browser.findElement(By.id("hits")).getAttribute("data-query"))
                && "false".equals(browser.findElement(By.id("hits")).getAttribute("aria-busy")));

        assertThat(summary()).isEqualTo("5 articles in 3 groups");
        assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
        assertThat(headlines()).containsExactlyInAnyOrder(KiribatiCoverage.RESERVE, KiribatiCoverage.FORUM,
                KiribatiCoverage.WATER);
        WebElement reserve = hit(KiribatiCoverage.RESERVE_ID);
        assertThat(browser.findElements(By.cssSelector("#hits .headline mark"))).extracting(WebElement::getText)
                .contains("Kiribati");
        assertThat(reserve.findElements(By.tagName("mark"))).as(reserve.getAttribute("outerHTML"))
                .extracting(WebElement::getText).contains("Kiribati");
        assertThat(reserve.findElement(By.cssSelector(".meta")).getText()).contains("Reuters", "TARAWA");

        WebElement toggle = reserve.findElement(By.cssSelector(".republications-toggle"));
        assertThat(toggle.getText()).isEqualTo("2 republications");
        toggle.click();
        assertThat(reserve.findElements(By.cssSelector(".republication"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Pacific Daily", "near duplicate"))
                .anySatisfy(text -> assertThat(text).contains("Island Radio", "exact duplicate"));
        saveScreenshot();

        reserve.findElement(By.cssSelector(".story-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#story h2"), "Story: 3 articles"));
        assertThat(browser.findElements(By.cssSelector("#story .republication"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Island Radio"));

        browser.findElement(By.cssSelector("[data-facet=tags] .facet-value[data-key='medtop:11000000']")).click();
        wait.until(d -> summary().equals("1 article"));
        assertThat(headlines()).containsExactly(KiribatiCoverage.FORUM);
        assertThat(browser.findElement(By.cssSelector(".active-filter")).getText()).contains("medtop:11000000");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "Live:"));
        topic.publish(KiribatiCoverage.laterForumReport());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), KiribatiCoverage.FORUM_FOLLOW_UP));
        assertThat(browser.findElements(By.cssSelector(".hit.fresh"))).extracting(WebElement::getText)
                .singleElement().asString().contains(KiribatiCoverage.FORUM_FOLLOW_UP);
    }

    private long apiTotal(String query) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?facets=false&q="
                    + query)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return json.readTree(page).path("total").asLong();
        }
    }

    private String summary() {
        return browser.findElement(By.id("summary")).getText();
    }

    private List<String> headlines() {
        return browser.findElements(By.cssSelector("#hits .hit .headline")).stream().map(WebElement::getText).toList();
    }

    private WebElement hit(String id) {
        return browser.findElement(By.cssSelector("#hits .hit[data-id='" + id + "']"));
    }

    private void saveScreenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Coverage of one Kiribati story and two others, with a near and an exact republication. */
    static final class KiribatiCoverage {

        static final String RESERVE_ID = "page-it-kiribati-reserve";
        static final String RESERVE = "Kiribati closes vast marine reserve to commercial fishing";
        static final String FORUM = "Kiribati president seeks climate funding at Pacific forum";
        static final String WATER = "Rising seas threaten Kiribati's fresh water, scientists warn";
        static final String FORUM_FOLLOW_UP = "Pacific leaders back Kiribati call for climate fund";

        static List<ArticleEnriched> articles() {
            ArticleEnriched reserve = reserve();
            return List.of(reserve,
                    TestArticles.trimmedRepublication(reserve, "page-it-kiribati-reserve-pd", "Pacific Daily"),
                    TestArticles.exactRepublication(reserve, "page-it-kiribati-reserve-ir", "Island Radio"),
                    TestArticles.original("page-it-kiribati-forum", "AFP", new Dateline("SUVA", "AFP"), Instant.parse("2026-03-02T09:15:00Z"),
                            List.of(TestArticles.POLITICS), FORUM,
                            "The president of Kiribati asked richer nations on Monday to fund sea walls and water "
                                    + "projects, telling the Pacific Islands Forum that time was running out.",
                            "Leaders of 18 member states are meeting in Suva this week."),
                    TestArticles.original("page-it-kiribati-water", "BBC", null, Instant.parse("2026-03-03T14:40:00Z"),
                            List.of(TestArticles.ENVIRONMENT), WATER,
                            "Salt water is seeping into the wells of Kiribati's atolls as sea levels rise, "
                                    + "researchers say, leaving families dependent on rain tanks.",
                            "The study measured salinity in 120 wells across South Tarawa."));
        }

        static ArticleEnriched laterForumReport() {
            return TestArticles.original("page-it-kiribati-forum-2", "Reuters", new Dateline("SUVA", "Reuters"), Instant.now(),
                    List.of(TestArticles.POLITICS), FORUM_FOLLOW_UP,
                    "Pacific Islands Forum leaders endorsed a regional climate fund on Tuesday after Kiribati's "
                            + "president warned that his country could become uninhabitable.");
        }

        private static ArticleEnriched reserve() {
            return TestArticles.original(RESERVE_ID, "Reuters", new Dateline("TARAWA", "Reuters"),
                    Instant.parse("2026-03-01T06:30:00Z"), List.of(TestArticles.ENVIRONMENT), RESERVE,
                    "Kiribati will close its Phoenix Islands marine reserve, one of the largest in the world, to "
                            + "commercial fishing fleets from next year, the government said on Sunday.",
                    "Tuna licences sold to foreign fleets make up most of the country's revenue.",
                    "Officials said patrol boats and satellite monitoring would enforce the ban.");
        }
    }
}
