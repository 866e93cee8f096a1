package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.BbcStory;
import org.newsroom.localstack.LocalEngines;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search page in headless Chromium on articles that went through the whole pipeline: BBC News stories about
 * Robert Kilroy-Silk pushed to ingest-service's {@code POST /api/articles}, enriched (tags, entities, duplicates,
 * stories) by enrich-service and indexed by query-service, all three running from their jars. One test per feature
 * of the page; axe-core checks the page in each state that adds something to it. Skipped, with the reason, where
 * Debian's chromium and chromium-driver are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Each run leaves its screenshot in target/; the README's picture is refreshed only when asked
     * ({@code -Dnewsroom.screenshot.update=true}), so running the tests leaves the checkout clean.
     */
    private static final Path SCREENSHOT = Boolean.getBoolean("newsroom.screenshot.update")
            ? ProjectRoot.resolve("docs", "images", "search-page.png")
            : Path.of("target", "search-page.png");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Dimension DESKTOP = new Dimension(1360, 1000);
    private static final Dimension PHONE = new Dimension(390, 844);

    /** Kilroy-Silk quits UKIP, launches Veritas (republished twice), a defection, his immigration policy, slurry. */
    private static final String QUITS = "politics/281";
    private static final String LAUNCH = "politics/111";
    private static final String DEFECTION = "politics/288";
    private static final String POLICY = "politics/237";
    private static final String SLURRY = "politics/157";
    private static final String LIVE_HEADLINE = "Kilroy-Silk names Veritas candidates for the general election";
    /** A page whose body holds no running text: the extractor can only fall back to its Open Graph description. */
    private static final String WEAK_PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Keepers return | Harbour Gazette</title>
            <meta property="og:title" content="Keepers return to the Skerry Rock lighthouse">
            <meta property="og:description" content="Two keepers are back on Skerry Rock after forty years, the trust said.">
            <meta property="article:published_time" content="2005-03-01T09:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="app"></div></body></html>""";
    /** A page that marks its article body. */
    private static final String CLEAN_PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Skerry Rock restored | Harbour Gazette</title>
            <meta property="article:published_time" content="2005-03-02T09:00:00Z"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Skerry Rock lighthouse restored</h1>
            <div itemprop="articleBody">
            <p>The lighthouse on Skerry Rock has been restored by the harbour trust, which spent two years on the work.</p>
            <p>Its lantern, made in 1870, was taken to the mainland, cleaned, and put back in place by crane in May.</p>
            <p>The trust said visitors could climb the tower from the summer, on days when the sea allows a landing.</p>
            </div></article><footer><p>Harbour Gazette, all rights reserved.</p></footer></body></html>""";

    @TempDir
    static Path profile;

    private static RunningPipeline pipeline;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String page;
    private static final Map<String, String> ids = new HashMap<>();
    private static String nearCopyId;
    private static String exactCopyId;

    @BeforeAll
    static void startPipelineFeedItAndOpenABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        pipeline = RunningPipeline.start(LocalEngines.kafkaBootstrapServers(), LocalEngines.elasticsearchUrl(),
                RunningPipeline.freshHome("SearchPageIT"));
        page = pipeline.query().url();

        Map<String, BbcStory> bbc = BbcNews.read(ProjectRoot.resolve("data", "bbc"))
                .stream().collect(Collectors.toMap(BbcStory::id, s -> s));
        List<String> originals = List.of(QUITS, LAUNCH, DEFECTION, POLICY, SLURRY);
        List<String> dates = List.of("2005-01-21T09:00:00Z", "2005-02-02T12:00:00Z", "2005-02-04T10:00:00Z",
                "2005-02-07T10:00:00Z", "2005-02-10T10:00:00Z");
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < originals.size(); i++) {
            BbcStory story = bbc.get(originals.get(i));
            batch.add(article(story.headline(), story.paragraphs(), "bbc", dates.get(i)));
        }
        JsonNode accepted = push(batch);
        for (int i = 0; i < originals.size(); i++) {
            ids.put(originals.get(i), accepted.path("ids").get(i).asString());
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> total("kilroy", "&duplicates=include") == originals.size());

        // Two outlets republish the launch once it is in: one cuts the last three paragraphs, one copies it whole.
        BbcStory launch = bbc.get(LAUNCH);
        JsonNode copies = push(JSON.createArrayNode()
                .add(article(launch.headline(), launch.paragraphs().subList(0, launch.paragraphs().size() - 3),
                        "evening-post", "2005-02-02T15:00:00Z"))
                .add(article(launch.headline(), launch.paragraphs(), "radio-west", "2005-02-03T07:00:00Z")));
        nearCopyId = copies.path("ids").get(0).asString();
        exactCopyId = copies.path("ids").get(1).asString();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> total("kilroy", "&duplicates=include") == 7);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--window-size=1360,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL); // the network log: what the page sent, headers included
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowserAndPipeline() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @BeforeEach
    void desktopWindowWithoutAKey() {
        browser.manage().window().setSize(DESKTOP);
        browser.get(page + "/app.css");
        browser.executeScript("sessionStorage.clear()");
    }

    @Test
    @Order(1)
    void searchFoldsTheRepublicationsUnderTheOriginalAndAFacetFilters() throws Exception {
        open("q=kilroy");

        assertThat(summary()).isEqualTo("7 articles in 5 groups");
        WebElement launch = hit(ids.get(LAUNCH));
        assertThat(launch.findElements(By.cssSelector(".headline mark"))).extracting(WebElement::getText).contains("Kilroy");
        assertThat(launch.findElement(By.cssSelector(".meta")).getText()).contains("bbc");
        WebElement toggle = launch.findElement(By.cssSelector(".republications-toggle"));
        assertThat(toggle.getText()).isEqualTo("2 republications");
        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(launch.findElement(By.cssSelector(".republication[data-id='" + nearCopyId + "']")).getText())
                .contains("evening-post", "near duplicate");
        assertThat(launch.findElement(By.cssSelector(".republication[data-id='" + exactCopyId + "']")).getText())
                .contains("radio-west", "exact duplicate");
        assertAccessible("results with a duplicate group open");

        browser.findElement(By.cssSelector("[data-facet=sources] .facet-value[data-key='radio-west']")).click();
        awaitSearch("q=kilroy&source=radio-west");
        assertThat(summary()).isEqualTo("1 article");
        assertThat(browser.findElement(By.cssSelector(".active-filter")).getText()).contains("radio-west");
    }

    @Test
    @Order(2)
    void opensAnArticleWithItsTextTagsEntitiesDuplicatesStoryAndSimilarArticles() throws Exception {
        String launchId = ids.get(LAUNCH);
        JsonNode article = api("/api/articles/" + launchId);
        assertThat(article.path("tags")).as("the pipeline tagged the launch").isNotEmpty();
        assertThat(article.path("entities")).as("the pipeline found people and organisations").isNotEmpty();
        open("q=kilroy");
        hit(launchId).findElement(By.cssSelector(".republications-toggle")).click();

        hit(launchId).findElement(By.cssSelector(".open-article")).click();
        awaitPanel(article.path("headline").asString());
        WebElement panel = browser.findElement(By.id("story"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(panel);
        assertThat(panel.findElements(By.cssSelector(".paragraph"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(strings(article.path("paragraphs")));
        List<String> tags = new ArrayList<>();
        article.path("tags").forEach(tag -> tags.add(tag.path("label").asString(tag.path("id").asString())
                + (tag.path("evidence").isEmpty() ? "" : " (evidence: " + String.join(", ", strings(tag.path("evidence"))) + ")")));
        assertThat(panel.findElements(By.cssSelector(".article-tags li"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(tags);
        assertThat(panel.findElements(By.cssSelector(".article-entities li"))).extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).isNotBlank())
                .hasSize(article.path("entities").size())
                .anySatisfy(text -> assertThat(text).contains("Kilroy"));
        assertThat(panel.findElement(By.cssSelector(".dedup")).getText()).contains("Decision", "original");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#story .article-republications .republication"), 2));
        // headings are set in capitals by the style sheet: compare the text itself
        assertThat(panel.findElement(By.cssSelector(".duplicate-group h3")).getDomProperty("textContent")).isEqualTo("Republications (2)");
        assertThat(panel.findElements(By.cssSelector(".article-republications .republication"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("evening-post", "near duplicate"))
                .anySatisfy(text -> assertThat(text).contains("radio-west", "exact duplicate"));
        JsonNode story = api("/api/stories/" + article.path("storyId").asString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#story .timeline")));
        assertThat(panel.findElement(By.cssSelector(".story-timeline h3")).getDomProperty("textContent"))
                .isEqualTo("Story timeline (" + story.path("total").asInt() + ")");
        assertThat(panel.findElements(By.cssSelector(".timeline .republication .open-republication")))
                .extracting(WebElement::getText).containsExactlyElementsOf(story.path("articles").findValuesAsString("headline"));
        List<String> similar = api("/api/articles/" + launchId + "/similar?size=5").findValuesAsString("headline");
        assertThat(similar).as("more-like-this finds the other Kilroy stories").isNotEmpty();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#story .similar-articles")));
        assertThat(panel.findElements(By.cssSelector(".similar-articles li button"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(similar);
        assertThat((Boolean) browser.executeScript("const p = document.getElementById('story'); return p.scrollWidth <= p.clientWidth"))
                .as("nothing in the panel is wider than the panel").isTrue();
        // the picture shows the panel from the article's tags on: what enrichment added to the text
        browser.executeScript("const p = document.getElementById('story');"
                + "p.scrollTop = p.querySelector('.article-tags').previousElementSibling.offsetTop - 12;");
        saveScreenshot();
        assertAccessible("an article open beside the results");

        // a republication opens in the panel with its decision and its canonical, and leads back to the original
        panel.findElement(By.cssSelector(".article-republications [data-id='" + nearCopyId + "'] .open-republication")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("story-body"), "data-article", nearCopyId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#story .dedup"), "near duplicate"));
        assertThat(browser.findElement(By.cssSelector("#story .dedup")).getText()).contains("Original", launchId);
        browser.findElement(By.cssSelector("#story .open-canonical")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("story-body"), "data-article", launchId));
        assertThat(browser.findElement(By.cssSelector("#story .dedup")).getText()).contains("Decision", "original");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#story .similar-articles li button")));
        browser.findElement(By.cssSelector("#story .similar-articles li button")).click();
        awaitPanel(similar.getFirst());
    }

    @Test
    @Order(3)
    void aDateRangeKeepsOnlyThatDaysArticles() {
        open("q=kilroy");

        browser.executeScript("document.getElementById('since').value = '2005-02-04';"
                + "document.getElementById('until').value = '2005-02-04';");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        awaitSearch("q=kilroy&since=2005-02-04&until=2005-02-04");

        assertThat(summary()).isEqualTo("1 article");
        assertThat(hitIds()).containsExactly(ids.get(DEFECTION));
        assertThat(browser.getCurrentUrl()).endsWith("?q=kilroy&since=2005-02-04&until=2005-02-04");
        browser.navigate().refresh();
        awaitSearch("q=kilroy&since=2005-02-04&until=2005-02-04");
        assertThat(browser.findElement(By.id("since")).getDomProperty("value")).isEqualTo("2005-02-04");
        assertThat(hitIds()).containsExactly(ids.get(DEFECTION));
    }

    @Test
    @Order(4)
    void suggestsFromTheIndexWhileTyping() throws Exception {
        open("");
        List<String> expected = api("/api/suggest?prefix=kilr&size=8").path("suggestions").findValuesAsString("text");
        assertThat(expected).as("the index suggests Kilroy's names and headlines").isNotEmpty()
                .anySatisfy(text -> assertThat(text).contains("Kilroy"));

        browser.findElement(By.id("q")).sendKeys("kilr");

        wait.until(d -> options().equals(expected));
        assertThat(browser.findElement(By.id("q")).getAttribute("list")).isEqualTo("suggestions");
    }

    @Test
    @Order(5)
    void worksFromTheKeyboard() {
        open("");
        Actions keys = new Actions(browser);

        keys.sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        keys.sendKeys("kilroy" + Keys.ENTER).perform();
        awaitSearch("q=kilroy");
        keys.sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isNotEqualTo("q");
        List<String> order = hitIds();
        keys.sendKeys("j").perform();
        assertThat(focusedHit()).isEqualTo(order.get(0));
        keys.sendKeys("j").perform();
        assertThat(focusedHit()).isEqualTo(order.get(1));
        keys.sendKeys("k").perform();
        assertThat(focusedHit()).isEqualTo(order.get(0));

        keys.sendKeys(Keys.ENTER).perform();
        awaitPanel(hit(order.get(0)).findElement(By.cssSelector(".headline")).getText());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("story");
        keys.sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("story")));
        assertThat(focusedHit()).as("focus goes back to the hit the article was opened from").isEqualTo(order.get(0));

        // from a hit, Tab goes on to that hit's own buttons: everything is reachable without the shortcuts too
        keys.sendKeys(Keys.TAB).perform();
        WebElement next = browser.switchTo().activeElement();
        assertThat(next.getTagName()).isEqualTo("button");
        assertThat((String) browser.executeScript("return arguments[0].closest('.hit').dataset.id", next)).isEqualTo(order.get(0));
    }

    @Test
    @Order(6)
    void createsRunsAndDeletesASavedSearchWithAnApiKey() throws Exception {
        open("q=kilroy&source=bbc");
        browser.findElement(By.cssSelector("#saved summary")).click();
        assertThat(status()).isEqualTo("Enter a key to save searches and see yours.");

        browser.findElement(By.id("api-key")).sendKeys("not-the-key-0000000000");
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(d -> status().equals("That key was refused: enter another."));
        assertThat(browser.findElement(By.id("save-form")).isDisplayed()).isFalse();

        browser.findElement(By.id("api-key")).sendKeys(RunningPipeline.API_KEY);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(d -> status().equals("No saved searches yet."));
        assertThat(browser.findElement(By.id("save-what")).getText()).startsWith("Saves “kilroy” · source: bbc");
        browser.findElement(By.id("save-name")).sendKeys("Kilroy desk");
        browser.findElement(By.cssSelector("#save-form button[type=submit]")).click();
        wait.until(d -> status().equals("Saved “Kilroy desk”."));

        JsonNode saved = authorised("GET", "/api/alerts");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).path("name").asString()).isEqualTo("Kilroy desk");
        assertThat(saved.get(0).path("query").asString()).isEqualTo("kilroy");
        assertThat(saved.get(0).path("source").asString()).isEqualTo("bbc");
        String id = saved.get(0).path("id").asString();
        WebElement item = browser.findElement(By.cssSelector(".saved-search[data-id='" + id + "']"));
        assertThat(item.getText()).contains("Kilroy desk", "“kilroy” · source: bbc");
        assertThat(browser.getPageSource()).doesNotContain(RunningPipeline.API_KEY);
        assertAccessible("saved searches open, with one saved");

        // the key stays for this tab: after a reload the list is there, and a saved search runs from it
        open("");
        browser.findElement(By.cssSelector("#saved summary")).click();
        wait.until(d -> status().equals("1 saved search."));
        browser.findElement(By.cssSelector(".saved-search[data-id='" + id + "'] .saved-run")).click();
        awaitSearch("q=kilroy&source=bbc");
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEqualTo("kilroy");

        browser.findElement(By.cssSelector(".saved-search[data-id='" + id + "'] .saved-delete")).click();
        wait.until(d -> status().equals("Deleted “Kilroy desk”."));
        assertThat(browser.findElements(By.cssSelector(".saved-search"))).isEmpty();
        assertThat(authorised("GET", "/api/alerts")).isEmpty();
    }

    @Test
    @Order(7)
    void readableOnAPhone() throws Exception {
        browser.manage().window().setSize(PHONE);
        open("q=kilroy");
        assertThat(noHorizontalScroll()).as("no sideways scrolling at 390 px").isTrue();
        assertAccessible("results on a phone");

        String first = hitIds().getFirst();
        hit(first).findElement(By.cssSelector(".open-article")).click();
        awaitPanel(hit(first).findElement(By.cssSelector(".headline")).getText());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#story .story-timeline h3")));
        assertThat(noHorizontalScroll()).as("no sideways scrolling with an article open").isTrue();
        long panelTop = ((Number) browser.executeScript("return document.getElementById('story').getBoundingClientRect().top")).longValue();
        long hitsTop = ((Number) browser.executeScript("return document.getElementById('hits').getBoundingClientRect().top")).longValue();
        assertThat(panelTop).as("the opened article comes before the list").isLessThan(hitsTop);
        assertAccessible("an article open on a phone");
    }

    /**
     * Two saved web pages dropped in ingest's inbox: one marks its article body, the other has nothing but its Open
     * Graph description, so the extractor falls back to it. The extraction facet tells the paths apart, and the weak
     * filter keeps the fallback page only.
     */
    @Test
    @Order(8)
    void theWeakExtractionFilterFindsTheWebPageWhoseExtractorFellBackAndNotTheCleanOne() throws Exception {
        pipeline.drop("skerry-rock-keepers.html", WEAK_PAGE.getBytes(StandardCharsets.UTF_8));
        pipeline.drop("skerry-rock-restoration.html", CLEAN_PAGE.getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> total("skerry", "&duplicates=include") == 2);
        JsonNode both = api("/api/search?q=skerry&duplicates=include&facets=false");
        Map<String, String> methods = new HashMap<>();
        both.path("hits").forEach(hit -> methods.put(hit.at("/extraction/method").asString(), hit.path("id").asString()));
        assertThat(methods).as("the extractor's paths, as indexed").containsOnlyKeys("openGraph", "articleBody");

        open("q=skerry");
        assertThat(browser.findElements(By.cssSelector("[data-facet=extractions] .facet-value .label")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder("Marked article body",
                        "Page description only (fallback)", "Weak: confidence under 0.5");
        assertAccessible("results with the extraction facet");
        browser.findElement(By.cssSelector("[data-facet=extractions] .facet-value[data-key='0.5']")).click();
        awaitSearch("q=skerry&extractionConfidenceBelow=0.5");

        assertThat(hitIds()).containsExactly(methods.get("openGraph"));
        assertThat(hit(methods.get("openGraph")).findElement(By.cssSelector(".weak-extraction")).getText())
                .isEqualTo("weak extraction: Page description only (fallback), confidence 0.20");
        assertThat(browser.findElement(By.cssSelector(".active-filter")).getText())
                .isEqualTo("extraction confidence under 0.5 ×");
        assertThat(browser.findElement(By.cssSelector("[data-facet=extractions] .facet-value[data-key='0.5']"))
                .getAttribute("aria-pressed")).isEqualTo("true");
        assertAccessible("weak extractions only");

        browser.findElement(By.cssSelector(".active-filter")).click();
        awaitSearch("q=skerry");
        browser.findElement(By.cssSelector("[data-facet=extractions] .facet-value[data-key='articleBody']")).click();
        awaitSearch("q=skerry&extraction=articleBody");
        assertThat(hitIds()).containsExactly(methods.get("articleBody"));
    }

    /**
     * Where reads need a principal, the live stream must carry the key as every other call does (EventSource, which
     * the page used before, sends no headers). The browser's own network log shows what the stream request sent.
     */
    @Test
    @Order(9)
    void liveUpdatesSendTheKeySoTheyWorkWhereReadsNeedAPrincipal() throws Exception {
        browser.executeScript("sessionStorage.setItem('newsroom.credential', arguments[0])", RunningPipeline.API_KEY);
        browser.manage().logs().get(LogType.PERFORMANCE); // only what this page sends counts below
        open("q=kilroy");
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "Live:"));

        List<JsonNode> streamRequests = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString())
                    && message.at("/params/request/url").asString().contains("/api/stream?")) {
                streamRequests.add(message.at("/params/request"));
            }
        }
        assertThat(streamRequests).as("the page opened a live stream").isNotEmpty().allSatisfy(request -> {
            assertThat(request.at("/headers/X-Api-Key").asString()).isEqualTo(RunningPipeline.API_KEY);
            assertThat(request.path("url").asString()).doesNotContain(RunningPipeline.API_KEY);
        });
    }

    /** Last: the article it pushes would change the counts the other tests expect. */
    @Test
    @Order(10)
    void showsANewMatchingArticleAsItIsIndexed() throws Exception {
        open("q=kilroy");
        // the earlier tests' pages each held a stream: the service frees their slots at the next heartbeat, and
        // the page tries again until it gets one
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "Live:"));

        push(JSON.createArrayNode().add(article(LIVE_HEADLINE,
                List.of("Robert Kilroy-Silk named the first Veritas candidates for the general election on Monday.",
                        "The former UKIP member said his party would stand in more than 100 seats."),
                "evening-post", Instant.now().toString())));

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), LIVE_HEADLINE));
        assertThat(browser.findElements(By.cssSelector(".hit.fresh"))).extracting(WebElement::getText)
                .singleElement().asString().contains(LIVE_HEADLINE);
        assertThat(browser.findElement(By.id("live-status")).getText()).isEqualTo("1 new since you searched");
    }

    // --- the page

    private static void open(String query) {
        browser.get(page + "/" + (query.isEmpty() ? "" : "?" + query));
        awaitSearch(query);
    }

    /** The list shows the answer to this search (the page marks which search it shows, and when it is done). */
    private static void awaitSearch(String query) {
        wait.until(d -> query.equals(browser.findElement(By.id("hits")).getAttribute("data-query"))
                && "false".equals(browser.findElement(By.id("hits")).getAttribute("aria-busy")));
    }

    private static void awaitPanel(String headline) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#story h2"), headline));
    }

    private static String summary() {
        return browser.findElement(By.id("summary")).getText();
    }

    private static String status() {
        return browser.findElement(By.id("key-status")).getText();
    }

    private static WebElement hit(String id) {
        return browser.findElement(By.cssSelector("#hits .hit[data-id='" + id + "']"));
    }

    private static List<String> hitIds() {
        return browser.findElements(By.cssSelector("#hits .hit")).stream().map(h -> h.getAttribute("data-id")).toList();
    }

    private static String focusedHit() {
        return browser.switchTo().activeElement().getAttribute("data-id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> options() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#suggestions option')].map(o => o.value)");
    }

    private static boolean noHorizontalScroll() {
        return (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /**
     * axe-core on the page as it is now: no violation of serious or critical impact. Lesser ones are printed, so a
     * run shows them without failing on them.
     */
    private static void assertAccessible(String where) {
        List<Rule> all = new AxeBuilder().analyze(browser).getViolations();
        all.stream().filter(rule -> !serious(rule)).forEach(rule -> System.out.println("axe, " + where + ": " + describe(rule)));
        List<Rule> violations = all.stream().filter(SearchPageIT::serious).toList();
        assertThat(violations).as(() -> where + ": " + violations.stream().map(SearchPageIT::describe)
                .collect(Collectors.joining("; "))).isEmpty();
    }

    private static boolean serious(Rule rule) {
        return "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + ") on " + rule.getNodes().stream().limit(5)
                .map(CheckedNode::getHtml).collect(Collectors.joining(", "));
    }

    private static void saveScreenshot() throws IOException {
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- the pipeline

    private static ObjectNode article(String headline, List<String> paragraphs, String source, String publishedAt) {
        ObjectNode article = JSON.createObjectNode().put("headline", headline).put("source", source)
                .put("publishedAt", publishedAt).put("language", "en");
        article.putArray("paragraphs").addAll(paragraphs.stream().map(p -> JSON.getNodeFactory().stringNode(p)).toList());
        return article;
    }

    /** POST /api/articles on ingest-service: answered 202 with the article ids once Kafka has them. */
    private static JsonNode push(ArrayNode articles) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingest().url() + "/api/articles"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningPipeline.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(articles))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static long total(String query, String more) throws IOException, InterruptedException {
        return api("/api/search?facets=false&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + more).path("total").asLong();
    }

    private static JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode authorised(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page + path))
                .header("X-Api-Key", RunningPipeline.API_KEY).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
