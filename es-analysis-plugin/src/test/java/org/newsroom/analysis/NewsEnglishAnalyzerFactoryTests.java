package org.newsroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

class NewsEnglishAnalyzerFactoryTests {

    @Test
    void stemsSingularAndPluralToOneTerm() throws IOException {
        assertThat(terms("sanction")).isEqualTo(terms("sanctions")).containsExactly("sanction");
    }

    @Test
    void dropsPossessivesStopWordsAndCase() throws IOException {
        assertThat(terms("The Kremlin's sanctions on Venezuela's oil"))
                .containsExactly("kremlin", "sanction", "venezuela", "oil");
    }

    @Test
    void componentIndexNamesTheAnnotatedFactory() throws IOException {
        String index = Files.readString(Path.of("src/plugin/named_components.json"));
        String name = NewsEnglishAnalyzerFactory.class.getAnnotation(NamedComponent.class).value();
        assertThat(name).isEqualTo("news_english");
        assertThat(index).containsPattern("\"" + name + "\"\\s*:\\s*\"" + NewsEnglishAnalyzerFactory.class.getName() + "\"");
    }

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (Analyzer analyzer = new NewsEnglishAnalyzerFactory().create();
             TokenStream stream = analyzer.tokenStream("headline", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
